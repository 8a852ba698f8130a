using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Synthetic;

namespace Radiomics.Core.Tests.Features;

public class FeatureExtractorTests
{
    private static readonly FeatureSettings Intensity = new() { Families = FeatureFamilies.All & ~(FeatureFamilies.Texture | FeatureFamilies.Morphology) };

    private static (Image<float> Image, LabelMap Mask) Tumour() => SyntheticTumour.Create(new SyntheticTumourSettings { Size = new Size3(40, 40, 16), Radii = new Vec3(9, 8, 7) });

    [Fact]
    public void A_mask_on_another_grid_is_a_geometry_mismatch()
    {
        var (image, _) = Tumour();
        var shifted = new LabelMap(new Image<byte>(image.Geometry.WithOrigin(new Vec3(1, 0, 0))));
        Assert.Throws<GeometryMismatchException>(() => FeatureExtractor.Extract(image, shifted, Intensity));
    }

    [Fact]
    public void An_empty_mask_or_an_ROI_emptied_by_re_segmentation_is_an_EmptyRoiException()
    {
        var (image, mask) = Tumour();
        var empty = new LabelMap(new Image<byte>(image.Geometry));
        Assert.Contains("empty", Assert.Throws<EmptyRoiException>(() => FeatureExtractor.Extract(image, empty, Intensity)).Message, StringComparison.Ordinal);
        var tooHigh = Intensity with { Resegmentation = new ResegmentationSettings { Minimum = 1e6 } };
        Assert.Contains("re-segmentation", Assert.Throws<EmptyRoiException>(() => FeatureExtractor.Extract(image, mask, tooHigh)).Message, StringComparison.Ordinal);
        var tiny = new ImageBuilder<byte>(image.Geometry);
        tiny[20, 20, 8] = 1;
        var coarse = Intensity with { Resampling = new ResamplingSettings { Spacing = new Vec3(5, 5, 5) } };
        Assert.Throws<EmptyRoiException>(() => FeatureExtractor.Extract(image, new LabelMap(tiny.ToImage()), coarse));
    }

    [Fact]
    public void A_single_voxel_ROI_gives_a_documented_result()
    {
        var (image, _) = Tumour();
        var one = new ImageBuilder<byte>(image.Geometry);
        one[20, 20, 8] = 1;
        var table = FeatureExtractor.Extract(image, new LabelMap(one.ToImage()), Intensity);
        Assert.Equal(image[20, 20, 8], table.Value("Q4LE"), 5);
        Assert.Equal(0, table.Value("ECT3"));
        Assert.Equal(0, table.Value("KE2A"));
        Assert.Equal(32, table.Value("3NCY"));
        Assert.Equal(0, table.Value("TLU2"));
        Assert.All(table.Where(r => r.Family == LocalIntensity.Family), r => Assert.True(double.IsFinite(r.Value)));
    }

    [Fact]
    public void Non_finite_voxels_leave_the_intensity_mask_with_and_without_interpolation()
    {
        var (image, mask) = Tumour();
        var withNaN = image.ToBuilder();
        int nanCount = 0;
        for (int x = 15; x < 25; x++)
        {
            if (mask[x, 20, 8] != 0)
            {
                withNaN[x, 20, 8] = float.NaN;
                nanCount++;
            }
        }

        Assert.True(nanCount > 0);
        var clean = FeatureExtractor.Extract(image, mask, Intensity);
        var table = FeatureExtractor.Extract(withNaN.ToImage(), mask, Intensity);
        Assert.True(double.IsFinite(table.Value("Q4LE")));
        Assert.NotEqual(clean.Value("N8CA"), table.Value("N8CA"));
        var resampled = Intensity with { Resampling = new ResamplingSettings { Spacing = new Vec3(2, 2, 2) } };
        var cleanResampled = FeatureExtractor.Extract(image, mask, resampled);
        var nanResampled = FeatureExtractor.Extract(withNaN.ToImage(), mask, resampled);
        Assert.True(double.IsFinite(nanResampled.Value("Q4LE")));
        Assert.NotEqual(cleanResampled.Value("Q4LE"), nanResampled.Value("Q4LE"));
    }

    /// <summary>
    /// Non-finite voxels that the resampling reads (inside the interpolation block of the ROI's padded box) but that
    /// cannot reach the ROI or its local-intensity spheres change nothing; they used to block the extraction.
    /// </summary>
    [Theory]
    [InlineData(Interpolator.Linear, 38, 0)]
    [InlineData(Interpolator.BSpline, 52, 1e-9)]
    public void Non_finite_voxels_far_from_the_roi_change_nothing_under_interpolation(Interpolator interpolator, int nanFrom, double relativeTolerance)
    {
        var (image, mask) = Tumour();
        var big = new ImageBuilder<float>(ImageGeometry.Create(80, 40, 16, image.Geometry.Spacing));
        for (int z = 0; z < 16; z++)
        {
            for (int y = 0; y < 40; y++)
            {
                for (int x = 0; x < 80; x++)
                {
                    big[x, y, z] = x >= nanFrom ? float.NaN : image[Math.Min(x, 39), y, z];
                }
            }
        }

        var bigMask = new ImageBuilder<byte>(big.Geometry);
        for (int z = 0; z < 16; z++)
        {
            for (int y = 0; y < 40; y++)
            {
                for (int x = 0; x < 40; x++)
                {
                    bigMask[x, y, z] = mask[x, y, z];
                }
            }
        }

        var settings = new FeatureSettings { Resampling = new ResamplingSettings { Spacing = new Vec3(2, 2, 2), Interpolator = interpolator } };
        var finite = big.ToImage().ToBuilder();
        var fv = finite.Voxels;
        for (int i = 0; i < fv.Length; i++)
        {
            fv[i] = float.IsNaN(fv[i]) ? -1000f : fv[i];
        }

        var expected = FeatureExtractor.Extract(finite.ToImage(), new LabelMap(bigMask.ToImage()), settings);
        var actual = FeatureExtractor.Extract(big.ToImage(), new LabelMap(bigMask.ToImage()), settings);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var row in expected)
        {
            double value = actual.Value(row.IbsiCode, row.Aggregation, row.Variant);
            Assert.True(Math.Abs(row.Value - value) <= relativeTolerance * Math.Abs(row.Value), $"{row.Feature}: {row.Value} without, {value} with the non-finite voxels");
        }
    }

    [Fact]
    public void Inputs_are_not_modified_and_results_are_deterministic()
    {
        var (image, mask) = Tumour();
        var imageCopy = image.Voxels.ToArray();
        var maskCopy = mask.Voxels.ToArray();
        var settings = FeaturePresets.ConfigE with { Families = Intensity.Families };
        var a = FeatureExtractor.Extract(image, mask, settings);
        var b = FeatureExtractor.Extract(image, mask, settings);
        Assert.Equal(imageCopy, image.Voxels.ToArray());
        Assert.Equal(maskCopy, mask.Voxels.ToArray());
        Assert.Equal(a.ToList(), b.ToList());
    }

    [Fact]
    public void The_table_records_settings_region_and_only_the_requested_families()
    {
        var (image, mask) = Tumour();
        var settings = new FeatureSettings { Families = FeatureFamilies.IntensityStatistics | FeatureFamilies.IntensityVolumeHistogram };
        var table = FeatureExtractor.Extract(image, mask, settings);
        Assert.Same(settings, table.Settings);
        Assert.Equal([IntensityStatistics.Family, IntensityVolumeHistogram.Family], table.Select(r => r.Family).Distinct());
        Assert.All(table, r => Assert.Equal("1", r.Region));
        Assert.All(table, r => Assert.Equal("original", r.ImageType));

        var twoLabels = mask.Image.ToBuilder();
        twoLabels[0, 0, 0] = 2;
        Assert.All(FeatureExtractor.Extract(image, new LabelMap(twoLabels.ToImage()), settings), r => Assert.Equal("roi", r.Region));
    }

    [Fact]
    public void Progress_reports_every_step_once()
    {
        var (image, mask) = Tumour();
        var reports = new System.Collections.Concurrent.ConcurrentBag<FeatureExtractionProgress>();
        FeatureExtractor.Extract(image, mask, Intensity, new Collector(reports));
        var steps = reports.OrderBy(r => r.Completed).ToList();
        Assert.Equal("preprocessing", steps[0].Step);
        Assert.Equal(["intensity_histogram", "intensity_statistics", "ivh", "local_intensity"], steps.Skip(1).Select(s => s.Step).Order());
        Assert.Equal(Enumerable.Range(1, 5), steps.Select(s => s.Completed));
        Assert.All(steps, s => Assert.Equal(5, s.Total));
    }

    [Fact]
    public void An_ROI_touching_the_image_border_works_with_and_without_resampling()
    {
        var (image, _) = Tumour();
        var corner = new ImageBuilder<byte>(image.Geometry);
        for (int z = 0; z < 3; z++)
        {
            for (int y = 0; y < 4; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    corner[x, y, z] = 1;
                }
            }
        }

        Assert.NotEmpty(FeatureExtractor.Extract(image, new LabelMap(corner.ToImage()), Intensity));
        Assert.NotEmpty(FeatureExtractor.Extract(image, new LabelMap(corner.ToImage()), FeaturePresets.ConfigC with { Families = Intensity.Families }));
    }

    [Fact]
    public void Multi_component_images_and_invalid_settings_are_argument_errors()
    {
        var g = ImageGeometry.Create(4, 4, 4);
        var mask = new ImageBuilder<byte>(g);
        mask[1, 1, 1] = 1;
        Assert.Throws<ArgumentException>(() => FeatureExtractor.Extract(new Image<float>(g, components: 3), new LabelMap(mask.ToImage()), Intensity));
        Assert.Throws<ArgumentException>(() => FeatureExtractor.Extract(new Image<float>(g), new LabelMap(mask.ToImage()), Intensity with { Discretisation = DiscretisationSettings.FixedBinNumber(0) }));
    }

    private sealed class Collector(System.Collections.Concurrent.ConcurrentBag<FeatureExtractionProgress> bag) : IProgress<FeatureExtractionProgress>
    {
        public void Report(FeatureExtractionProgress value) => bag.Add(value);
    }
}
