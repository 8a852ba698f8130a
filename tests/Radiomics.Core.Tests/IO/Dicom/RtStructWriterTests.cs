using Radiomics.Imaging;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>A label map written as an RTSTRUCT rasterises back (voxel centres inside, even-odd) to exactly the same voxels.</summary>
public class RtStructWriterTests
{
    [Fact]
    public void Labels_with_holes_and_touching_corners_round_trip_exactly()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(5), nx: 9, ny: 7);
        var volume = DicomSeries.ReadVolume(tmp.File("ct"));
        var labels = new ImageBuilder<byte>(volume.Image.Geometry);
        // Label 1: a ring with a hole on slice 2, a single voxel on slice 3 and two voxels touching at a corner.
        for (int y = 1; y <= 5; y++)
        {
            for (int x = 1; x <= 5; x++)
            {
                labels[x, y, 2] = (byte)(x is 1 or 5 || y is 1 or 5 ? 1 : 0);
            }
        }

        labels[3, 3, 2] = 1; // an island inside the hole
        labels[0, 0, 3] = 1;
        labels[4, 4, 3] = 1;
        labels[5, 5, 3] = 1;
        // Label 2 touches the image border.
        labels[8, 6, 4] = 2;
        labels[8, 5, 4] = 2;
        var map = new LabelMap(labels.ToImage());
        string path = tmp.File("rtss.dcm");
        RtStructWriter.Write(map, volume, path, new RtStructWriterSettings { RoiNames = new Dictionary<int, string> { [1] = "GTV" } });

        var rt = RtStruct.Read(path);
        Assert.Equal(["GTV", "ROI 2"], rt.Rois.Select(r => r.Name));
        Assert.Equal(volume.SeriesInstanceUid, rt.ReferencedSeriesInstanceUid);
        Assert.Equal(volume.SeriesInstanceUid, DicomMasks.FindReferencedSeries(path) is { } s ? DicomSeries.ReadVolume(s).SeriesInstanceUid : null);
        foreach (var (roi, label) in rt.Rois.Zip(new[] { 1, 2 }))
        {
            var back = ContourRasteriser.Rasterise(roi, volume.Image.Geometry, path).Mask;
            var expected = LabelMap.Threshold(labels.ToImage(), v => v == label);
            Assert.Equal(expected.Voxels.ToArray(), back.Voxels.ToArray());
        }

        // The ring is one outer and one inner contour (plus the island): three contours on slice 2.
        Assert.Equal(3, rt.Rois[0].Contours.Count(c => Math.Abs(c.Points[0].Z - volume.Image.Geometry.IndexToPhysical(0, 0, 2).Z) < 1e-6));
    }

    [Fact]
    public void Random_masks_round_trip_exactly()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(3), nx: 11, ny: 8);
        var volume = DicomSeries.ReadVolume(tmp.File("ct"));
        for (int seed = 0; seed < 25; seed++)
        {
            var random = new Random(seed);
            var labels = new ImageBuilder<byte>(volume.Image.Geometry);
            double fill = random.NextDouble();
            for (int i = 0; i < labels.VoxelCount; i++)
            {
                labels.Voxels[i] = (byte)(random.NextDouble() < fill ? 1 : 0);
            }

            labels.Voxels[random.Next(labels.VoxelCount)] = 1;
            string path = tmp.File($"rtss{seed}.dcm");
            RtStructWriter.Write(new LabelMap(labels.ToImage()), volume, path);
            var back = ContourRasteriser.Rasterise(RtStruct.Read(path).Rois.Single(), volume.Image.Geometry, path).Mask;
            Assert.True(labels.ToImage().Voxels.SequenceEqual(back.Voxels), $"seed {seed}");
        }
    }
}
