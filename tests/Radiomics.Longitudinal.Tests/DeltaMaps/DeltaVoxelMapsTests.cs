using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Longitudinal.DeltaMaps;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Tests.DeltaMaps;

/// <summary>
/// Delta voxel maps on images whose answer is known in closed form: a linear intensity (trilinear interpolation is
/// exact for it) under an affine growth, so the volume ratio is the determinant and the difference the planted offset.
/// </summary>
public class DeltaVoxelMapsTests
{
    private static readonly ImageGeometry Grid = ImageGeometry.Create(40, 40, 20, new Vec3(1, 1, 2));

    private static Vec3 Centre => Grid.IndexToPhysical(20, 20, 10);

    private static double Linear(Vec3 p) => 100 + (2 * p.X) - (1.5 * p.Y) + (0.7 * p.Z);

    private static Image<float> Sample(ImageGeometry grid, Func<Vec3, double> f)
    {
        var size = grid.Size;
        var v = new float[grid.VoxelCount];
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    v[i] = (float)f(grid.IndexToPhysical(x, y, z));
                }
            }
        }

        return new Image<float>(grid, v);
    }

    /// <summary>A ball of radius 8 mm; with <paramref name="split"/>, habitat 1 left of the centre and 2 right of it.</summary>
    private static LabelMap Ball(bool split = false) =>
        LabelMap.FromImage(Sample(Grid, p => (p - Centre).Norm <= 8 ? (split && p.X >= Centre.X ? 2 : 1) : 0));

    /// <summary>Follow-up points to baseline points of a tumour that grew by <paramref name="scale"/> about the centre.</summary>
    private static AffineTransform Growth(double scale) => new(Matrix3.Diagonal(new Vec3(1 / scale, 1 / scale, 1 / scale)), Vec3.Zero, Centre);

    private static DeltaVoxelMap GrownBy(double scale, double offset, LabelMap? region = null)
    {
        var toBaseline = Growth(scale);
        var baseline = Sample(Grid, Linear);
        var followUp = Sample(Grid, y => Linear(toBaseline.TransformPoint(y)) + offset);
        return DeltaVoxelMaps.Compute([new DeltaChannel("", baseline, followUp)], region ?? Ball(), toBaseline);
    }

    [Fact]
    public void Growth_gives_the_cube_of_the_scale_as_volume_ratio_and_the_planted_offset_as_difference()
    {
        var map = GrownBy(1.1, 50);
        var region = map.Region.Voxels;
        var ratio = map.VolumeRatio.Voxels;
        var channel = map.Channels[0];
        int n = 0;
        for (int i = 0; i < region.Length; i++)
        {
            if (region[i] == 0)
            {
                Assert.True(float.IsNaN(channel.Difference.Voxels[i]));
                continue;
            }

            n++;
            Assert.Equal(1.331, ratio[i], 1e-3);
            Assert.Equal(50, channel.Difference.Voxels[i], 0.02);
            double expectedModulated = ((channel.Baseline.Voxels[i] + 50) * 1.331) - channel.Baseline.Voxels[i];
            Assert.Equal(expectedModulated, channel.Modulated.Voxels[i], 0.05);
        }

        Assert.Equal(Ball().Count(1), n);
    }

    [Fact]
    public void Tracked_volume_of_the_region_and_of_each_habitat_is_the_baseline_volume_times_the_determinant()
    {
        var habitats = Ball(split: true);
        var region = LabelMap.FromImage(Sample(Grid, p => (p - Centre).Norm <= 8 ? 1 : 0));
        var map = GrownBy(0.8, -20, region);
        var records = map.Summarise("P01", "T0", "T1", habitats, habitatCount: 2);

        Assert.Equal(3, records.Count);
        Assert.Equal([0, 1, 2], records.Select(r => r.Habitat));
        Assert.Equal(records[0].Voxels, records[1].Voxels + records[2].Voxels);
        Assert.Equal(habitats.Count(1), records[1].Voxels);
        foreach (var r in records)
        {
            Assert.Equal(r.Voxels * Grid.VoxelVolume, r.BaselineVolumeMm3, 1e-9);
            Assert.Equal(0.512, r.TrackedVolumeMm3 / r.BaselineVolumeMm3, 1e-3);
            Assert.Equal(-0.488, r.VolumeChange, 1e-3);
            Assert.Equal(-20, r.MeanDifference, 0.02);
            Assert.Equal(0, r.VoxelsOutsideFollowUp);
        }

        // Habitat 2 lies right of the centre, where the linear intensity is higher.
        Assert.True(records[2].MeanBaseline > records[1].MeanBaseline + 10);
    }

    [Fact]
    public void Tissue_mapped_outside_the_follow_up_has_no_follow_up_value_but_keeps_its_volume()
    {
        // The follow-up covers only x < 20 voxels of the baseline field of view, with no motion.
        var followUpGrid = ImageGeometry.Create(20, 40, 20, new Vec3(1, 1, 2));
        var baseline = Sample(Grid, Linear);
        var followUp = Sample(followUpGrid, p => Linear(p) + 5);
        var region = Ball();
        var map = DeltaVoxelMaps.Compute([new DeltaChannel("T2", baseline, followUp)], region, AffineTransform.Identity);
        var record = map.Summarise("P01", "T0", "T1")[0];

        long right = 0;
        for (int z = 0; z < 20; z++)
        {
            for (int y = 0; y < 40; y++)
            {
                for (int x = 20; x < 40; x++)
                {
                    right += region[x, y, z] != 0 ? 1 : 0;
                }
            }
        }

        Assert.True(right > 0);
        Assert.Equal(right, record.VoxelsOutsideFollowUp);
        Assert.Equal(region.Count(1), record.Voxels);
        Assert.Equal("T2", record.Channel);
        Assert.Equal(5, record.MeanDifference, 0.01);
        Assert.Equal(record.BaselineVolumeMm3, record.TrackedVolumeMm3, 1e-3 * record.BaselineVolumeMm3);
    }

    [Fact]
    public void Maps_keep_the_physical_place_of_the_baseline_region()
    {
        var map = GrownBy(1.0, 0);
        var offset = map.Geometry.OffsetIn(Grid);
        Assert.NotNull(offset);
        var box = Ball().BoundingBox()!.Value;
        Assert.Equal(new Index3(box.Min.X - 1, box.Min.Y - 1, box.Min.Z - 1), offset!.Value);
    }

    [Fact]
    public void Summary_columns_round_trip_through_the_table_layer()
    {
        var records = GrownBy(1.2, 3).Summarise("P02", "base", "w6");
        var path = Path.Combine(Path.GetTempPath(), $"delta_voxels_{Guid.NewGuid():N}.csv");
        try
        {
            DeltaVoxelRecord.WriteCsv(path, records);
            var read = DeltaVoxelRecord.ReadCsv(path);
            Assert.Equal(records.Count, read.Count);
            Assert.Equal(records[0].Subject, read[0].Subject);
            Assert.Equal(records[0].TrackedVolumeMm3, read[0].TrackedVolumeMm3, 1e-9 * records[0].TrackedVolumeMm3);
            Assert.Equal(records[0].MeanDifference, read[0].MeanDifference, 1e-9);
            Assert.Contains("volume_change", File.ReadLines(path).First());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_empty_region_and_channels_off_the_region_grid_are_named_errors()
    {
        var baseline = Sample(Grid, Linear);
        var empty = new LabelMap(new Image<byte>(Grid));
        var e = Assert.Throws<EmptyRoiException>(() => DeltaVoxelMaps.Compute([new DeltaChannel("", baseline, baseline)], empty, AffineTransform.Identity, scan: "P03, w6"));
        Assert.Contains("P03, w6", e.Message);

        var other = Sample(ImageGeometry.Create(30, 40, 20, new Vec3(1, 1, 2)), Linear);
        var g = Assert.Throws<GeometryMismatchException>(() => DeltaVoxelMaps.Compute([new DeltaChannel("ADC", other, baseline)], Ball(), AffineTransform.Identity, scan: "P03, w6"));
        Assert.Contains("channel 'ADC'", g.Message);
    }

    [Fact]
    public void Any_small_translation_preserves_volume_and_measures_the_planted_offset()
    {
        var shifts = Gen.Choose(-30, 30).Select(i => i / 10.0);
        Prop.ForAll(shifts.ToArbitrary(), shifts.ToArbitrary(), Gen.Choose(-50, 50).ToArbitrary(), (dx, dy, offset) =>
        {
            var toBaseline = new AffineTransform(Matrix3.Identity, new Vec3(dx, dy, 0));
            var baseline = Sample(Grid, Linear);
            var followUp = Sample(Grid, y => Linear(toBaseline.TransformPoint(y)) + offset);
            var r = DeltaVoxelMaps.Compute([new DeltaChannel("", baseline, followUp)], Ball(), toBaseline).Summarise("P", "a", "b")[0];
            return Math.Abs(r.TrackedVolumeMm3 / r.BaselineVolumeMm3 - 1) < 1e-4 && Math.Abs(r.MeanDifference - offset) < 0.02;
        }).QuickCheckThrowOnFailure();
    }
}
