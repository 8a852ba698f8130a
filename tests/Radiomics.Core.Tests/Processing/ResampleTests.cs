using FsCheck;
using FsCheck.Fluent;
using Radiomics.Core.Tests.Ibsi;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Processing;

public class ResampleTests
{
    [Fact]
    public void Grid_follows_the_manuals_align_grid_centres_example()
    {
        // IBSI 1, "Interpolation grid": a 4 × 4 grid of 3 mm resampled to 2 mm has 6 × 6 voxels, centred on the original.
        var source = ImageGeometry.Create(4, 4, 1, new Vec3(3, 3, 1), new Vec3(10, 20, 30));
        var grid = Resample.Grid(source, new Vec3(2, 2, 1));
        Assert.Equal(new Size3(6, 6, 1), grid.Size);
        Assert.Equal(new Vec3(2, 2, 1), grid.Spacing);
        // x_b = x_a + (s_a (n_a − 1) − s_b (n_b − 1)) / 2 = 10 + (9 − 10)/2
        Assert.Equal(9.5, grid.Origin.X, 12);
        Assert.Equal(19.5, grid.Origin.Y, 12);
        Assert.Equal(source.Centre, grid.Centre);
    }

    [Fact]
    public void Grid_size_rounds_up_but_not_for_binary_noise()
    {
        var ct = ImageGeometry.Create(204, 201, 60, new Vec3(0.9765625, 0.9765625, 3));
        Assert.Equal(new Size3(100, 99, 90), Resample.Grid(ct, new Vec3(2, 2, 2)).Size);
        Assert.Equal(new Size3(100, 99, 60), Resample.Grid(ct, new Vec3(2, 2, 0), inPlaneOnly: true).Size);
    }

    [Fact]
    public void Grid_keeps_centre_and_direction_of_any_oblique_image()
    {
        var gen =
            from n in Gen.Choose(1, 40).Three()
            from s in Gen.Choose(3, 40).Three()
            from t in Gen.Choose(3, 40).Three()
            from angle in Gen.Choose(0, 359)
            select (n, s, t, angle);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var source = new ImageGeometry(new Size3(c.n.Item1, c.n.Item2, c.n.Item3), new Vec3(c.s.Item1 / 10.0, c.s.Item2 / 10.0, c.s.Item3 / 10.0),
                new Vec3(-5, 7, 11), Matrix3.Rotation(new Vec3(1, 2, 3), c.angle * Math.PI / 180));
            var spacing = new Vec3(c.t.Item1 / 10.0, c.t.Item2 / 10.0, c.t.Item3 / 10.0);
            var grid = Resample.Grid(source, spacing);
            return (grid.Centre - source.Centre).MaxAbs < 1e-9
                && grid.Direction.MaxAbsDifference(source.Direction) == 0
                && grid.Spacing == spacing
                && grid.Size.X >= Math.Ceiling(c.n.Item1 * source.Spacing.X / spacing.X - 1e-6);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(Interpolator.Linear, 1e-7)]
    [InlineData(Interpolator.BSpline, 1e-5)]
    public void Resampled_voxels_sit_at_their_physical_place(Interpolator interpolator, double tolerance)
    {
        // A linear function of the physical position is reproduced exactly by linear and cubic B-spline interpolation
        // away from the image border, so any misplaced voxel shows up as a wrong value. (Positions are snapped to
        // 2⁻³² voxel, which bounds the agreement at ~1e-9 of the gradient.)
        var g = TestImages.Oblique(30, 28, 26);
        var image = new ImageBuilder<double>(g);
        static double F(Vec3 p) => 3 * p.X - 2 * p.Y + 0.5 * p.Z + 7;
        for (int z = 0; z < 26; z++)
        {
            for (int y = 0; y < 28; y++)
            {
                for (int x = 0; x < 30; x++)
                {
                    image[x, y, z] = F(g.IndexToPhysical(x, y, z));
                }
            }
        }

        var resampled = Resample.Image(image.ToImage(), new ResamplingSettings { Spacing = new Vec3(1.1, 0.9, 2.3), Interpolator = interpolator });
        var rg = resampled.Geometry;
        int checkedVoxels = 0;
        for (int z = 0; z < rg.Size.Z; z++)
        {
            for (int y = 0; y < rg.Size.Y; y++)
            {
                for (int x = 0; x < rg.Size.X; x++)
                {
                    var p = rg.IndexToPhysical(x, y, z);
                    var c = g.PhysicalToIndex(p);
                    // Cubic B-splines need a few voxels of real data around; linear interpolation only the grid itself.
                    double margin = interpolator == Interpolator.Linear ? 0 : 10;
                    if (c.X < margin || c.Y < margin || c.Z < margin || c.X > 29 - margin || c.Y > 27 - margin || c.Z > 25 - margin)
                    {
                        continue;
                    }

                    Assert.Equal(F(p), resampled[x, y, z], tolerance);
                    checkedVoxels++;
                }
            }
        }

        Assert.True(checkedVoxels > 50, $"only {checkedVoxels} voxels checked");
    }

    [Theory]
    [InlineData(Interpolator.NearestNeighbour, 0)]
    [InlineData(Interpolator.Linear, 1)]
    [InlineData(Interpolator.BSpline, 3)]
    public void Interpolation_matches_scipy_map_coordinates_with_nearest_padding(Interpolator interpolator, int order)
    {
        // Fixtures/make_resample_fixture.py: scipy.ndimage.map_coordinates(order, mode="nearest") on the IBSI grid,
        // the reference implementation behind MIRP and many IBSI participants.
        var line = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "resample_scipy.csv"))
            .Single(l => l.StartsWith($"{order},", StringComparison.Ordinal));
        var expected = line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..].Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var g = ImageGeometry.Create(20, 18, 12, new Vec3(0.9, 1.1, 3));
        var image = new ImageBuilder<double>(g);
        for (int z = 0; z < 12; z++)
        {
            for (int y = 0; y < 18; y++)
            {
                for (int x = 0; x < 20; x++)
                {
                    image[x, y, z] = ((x * 7 + y * 13 + z * 29) % 17) * 10 - 50 + x * y;
                }
            }
        }

        var resampled = Resample.Image(image.ToImage(), new ResamplingSettings { Spacing = new Vec3(2, 2, 2), Interpolator = interpolator });
        Assert.Equal(new Size3(9, 10, 18), resampled.Geometry.Size);
        Assert.Equal(expected.Length, resampled.VoxelCount);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], resampled.Voxels[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(Interpolator.NearestNeighbour)]
    [InlineData(Interpolator.Linear)]
    [InlineData(Interpolator.BSpline)]
    public void Resampling_to_the_same_spacing_returns_the_image(Interpolator interpolator)
    {
        var g = ImageGeometry.Create(9, 8, 7, new Vec3(0.8, 1.2, 2.5), new Vec3(3, -4, 5));
        var image = TestImages.Random<short>(g, seed: 5);
        var resampled = Resample.Image(image, new ResamplingSettings { Spacing = g.Spacing, Interpolator = interpolator });
        Assert.True(resampled.Geometry.Matches(g));
        for (int i = 0; i < image.VoxelCount; i++)
        {
            Assert.Equal(image.Voxels[i], resampled.Voxels[i], interpolator == Interpolator.BSpline ? 1e-6 : 0);
        }

        Assert.Equal(TestImages.Random<short>(g, seed: 5).Voxels.ToArray(), image.Voxels.ToArray());
    }

    [Fact]
    public void Nearest_neighbour_only_picks_original_values_and_rounding_gives_integers()
    {
        var g = ImageGeometry.Create(6, 5, 4, new Vec3(1, 1, 3));
        var image = TestImages.Random<float>(g, seed: 2);
        var values = new HashSet<double>(image.Voxels.ToArray().Select(v => (double)v));
        var nearest = Resample.Image(image, new ResamplingSettings { Spacing = new Vec3(0.7, 1.3, 1), Interpolator = Interpolator.NearestNeighbour });
        Assert.All(nearest.Voxels.ToArray(), v => Assert.Contains(v, values));
        var rounded = Resample.Image(image, new ResamplingSettings { Spacing = new Vec3(0.7, 1.3, 1), RoundIntensities = true });
        Assert.All(rounded.Voxels.ToArray(), v => Assert.Equal(Math.Round(v), v));
    }

    [Fact]
    public void In_plane_resampling_keeps_the_slices()
    {
        var g = ImageGeometry.Create(10, 12, 5, new Vec3(0.9, 0.9, 3.3), new Vec3(1, 2, 3));
        var image = TestImages.Random<short>(g, seed: 9);
        var r = Resample.Image(image, new ResamplingSettings { Spacing = new Vec3(2, 2, 0), InPlaneOnly = true });
        Assert.Equal(5, r.Geometry.Size.Z);
        Assert.Equal(3.3, r.Geometry.Spacing.Z);
        Assert.Equal(g.Origin.Z, r.Geometry.Origin.Z, 12);
        // A constant slice stays constant: values never mix across slices.
        var flat = new ImageBuilder<short>(g);
        for (int z = 0; z < 5; z++)
        {
            for (int y = 0; y < 12; y++)
            {
                for (int x = 0; x < 10; x++)
                {
                    flat[x, y, z] = (short)(100 * z);
                }
            }
        }

        var rf = Resample.Image(flat.ToImage(), new ResamplingSettings { Spacing = new Vec3(2, 2, 0), InPlaneOnly = true, Interpolator = Interpolator.BSpline });
        for (int z = 0; z < 5; z++)
        {
            Assert.Equal(100 * z, rf[3, 3, z], 9);
        }
    }

    [Fact]
    public void Mask_partial_volume_threshold_includes_exact_halves()
    {
        // Slices 3 mm apart resampled to 2 mm: the new slice half-way between an ROI slice and a background slice has
        // partial volume exactly 0.5 and belongs to the ROI (δ = 0.5, "≥").
        var g = ImageGeometry.Create(1, 1, 4, new Vec3(1, 1, 3));
        var labels = new ImageBuilder<byte>(g);
        labels[0, 0, 0] = 1;
        labels[0, 0, 1] = 1;
        var mask = new LabelMap(labels.ToImage());
        var settings = new ResamplingSettings { Spacing = new Vec3(1, 1, 2) };
        var r = Resample.Mask(mask, settings);
        // New slices at source z = -0.25 + 2/3·k → k = 2 lies at 1.0833 (0.917 inside), k = 3 at 1.75 (0.25 inside).
        Assert.Equal(6, r.Geometry.Size.Z);
        Assert.Equal([1, 1, 1, 0, 0, 0], r.Voxels.ToArray().Select(v => (int)v));
        var half = Resample.Mask(new LabelMap(new Image<byte>(ImageGeometry.Create(2, 1, 1), [1, 0])), new ResamplingSettings { Spacing = new Vec3(0.5, 1, 1) });
        // 4 new voxels at source x = −0.25, 0.25, 0.75, 1.25: partial volumes 1, 0.75, 0.25, 0.
        Assert.Equal([1, 1, 0, 0], half.Voxels.ToArray().Select(v => (int)v));
        var exact = Resample.Mask(new LabelMap(new Image<byte>(ImageGeometry.Create(3, 1, 1), [1, 0, 0])), new ResamplingSettings { Spacing = new Vec3(0.5, 1, 1) });
        // 6 new voxels at source x = −0.25, 0.25, 0.75, 1.25, 1.75, 2.25 ... the one at 0.5 does not exist; 0.75 → 0.25.
        Assert.Equal(1, exact.Voxels[1]);
    }

    [Theory]
    [InlineData(Interpolator.Linear)]
    [InlineData(Interpolator.BSpline)]
    [InlineData(Interpolator.NearestNeighbour)]
    public void A_region_equals_the_same_box_of_the_whole_resampled_image(Interpolator interpolator)
    {
        var g = ImageGeometry.Create(60, 50, 20, new Vec3(0.8, 0.8, 2.5));
        var image = TestImages.Random<short>(g, seed: 4);
        var settings = new ResamplingSettings { Spacing = new Vec3(1.3, 1.3, 1.3), Interpolator = interpolator };
        var whole = Resample.Image(image, settings);
        var box = new BoundingBox(new Index3(5, 17, 3), new Index3(20, 25, 30));
        var part = Resample.Image(image, settings, box);
        Assert.True(part.Geometry.Matches(whole.Geometry.Crop(box)));
        var expected = whole.Crop(box);
        for (int i = 0; i < part.VoxelCount; i++)
        {
            // The B-spline prefilter of a region sees a finite stretch of each line; its effect has decayed to ~1e-11.
            Assert.Equal(expected.Voxels[i], part.Voxels[i], 1e-6 * 65536);
        }
    }

    [Fact]
    public void A_non_finite_intensity_marks_only_the_voxels_its_kernel_reaches()
    {
        var g = ImageGeometry.Create(9, 9, 9);
        var image = new ImageBuilder<float>(g);
        image.Voxels.Fill(10);
        image[4, 4, 4] = float.NaN;
        var resampled = Resample.Image(image.ToImage(), new ResamplingSettings { Spacing = new Vec3(2, 2, 2) });
        // Target voxel j sits at source coordinate 0 + 2j (9 voxels of 1 mm → 5 of 2 mm, centres aligned): only
        // j = 2 reads source voxel 4 along each axis (weight 1 on 4, 0 on 5), so exactly one voxel is missing.
        var values = resampled.Voxels.ToArray();
        Assert.Single(values, v => double.IsNaN(v));
        Assert.True(double.IsNaN(resampled[2, 2, 2]));
        Assert.All(values.Where(double.IsFinite), v => Assert.Equal(10, v, 12));
    }

    [Fact]
    public void Invalid_settings_name_the_setting()
    {
        var image = new Image<short>(ImageGeometry.Create(3, 3, 3));
        Assert.Contains("spacing", Assert.Throws<ArgumentException>(() => Resample.Image(image, new ResamplingSettings { Spacing = new Vec3(0, 1, 1) })).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("threshold", Assert.Throws<ArgumentException>(() => Resample.Image(image, new ResamplingSettings { PartialVolumeThreshold = 0 })).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> CtConfigurations => [IbsiReference.ConfigA, IbsiReference.ConfigB, IbsiReference.ConfigC];

    [SharedDataTheory]
    [MemberData(nameof(CtConfigurations))]
    public void Resampled_CT_phantom_mask_has_the_IBSI_voxel_counting_volume(string dataSet)
    {
        // Volume (voxel counting, YEKZ) checks the whole mask chain: grid, mask interpolation, partial volume threshold.
        var (image, mask) = IbsiDataSets.CtPhantom;
        var roi = RoiPreprocessing.Run(image, mask, IbsiDataSets.Preset(dataSet)).Roi;
        int count = 0;
        foreach (var m in roi.MorphologicalMask)
        {
            count += m ? 1 : 0;
        }

        var reference = IbsiReference.Rows.Single(r => r.DataSet == dataSet && r.IbsiCode == "YEKZ");
        Assert.True(reference.Accepts(count * roi.Geometry.VoxelVolume), $"{count} voxels × {roi.Geometry.VoxelVolume} mm³ vs {reference.ValueText} ± {reference.ToleranceText}");
    }
}
