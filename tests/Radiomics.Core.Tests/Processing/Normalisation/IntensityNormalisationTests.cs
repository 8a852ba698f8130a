using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing.Normalisation;
using Radiomics.Synthetic;

namespace Radiomics.Core.Tests.Processing.Normalisation;

public class IntensityNormalisationTests
{
    private static readonly ImageGeometry Grid = new(new Size3(10, 10, 1), new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity);

    /// <summary>Intensities 1..100 (x fastest).</summary>
    private static Image<float> Ramp() => new(Grid, Enumerable.Range(1, 100).Select(i => (float)i).ToArray());

    private static Image<float> Affine(Image<float> image, double a, double b) =>
        new(image.Geometry, image.Voxels.ToArray().Select(v => (float)((a * v) + b)).ToArray());

    [Fact]
    public void Percentiles_match_numpy_linear_interpolation()
    {
        double[] sorted = [.. Enumerable.Range(1, 100).Select(i => (double)i)];
        // numpy.percentile(np.arange(1, 101), [1, 25, 99]) = [1.99, 25.75, 99.01]
        Assert.Equal(1.99, RegionStatistics.Percentile(sorted, 1), 12);
        Assert.Equal(25.75, RegionStatistics.Percentile(sorted, 25), 12);
        Assert.Equal(99.01, RegionStatistics.Percentile(sorted, 99), 12);
    }

    [Fact]
    public void Z_score_over_the_image_has_mean_0_and_deviation_1()
    {
        var z = IntensityNormalisation.Apply(Ramp(), NormalisationSettings.ZScore(NormalisationRegion.Image));
        var (mean, sd) = RegionStatistics.MeanAndDeviation(z.Voxels.ToArray().Select(v => (double)v).ToArray());
        Assert.Equal(0, mean, 6);
        Assert.Equal(1, sd, 6);
        // Population deviation of 1..100 is sqrt((100² − 1) / 12) = 28.866; voxel 100 is (100 − 50.5) / 28.866.
        Assert.Equal(49.5 / Math.Sqrt(9999.0 / 12), z.Voxels[99], 5);
    }

    [Fact]
    public void Foreground_is_the_voxels_above_the_image_mean()
    {
        // Foreground of 1..100 is 51..100: mean 75.5.
        var z = IntensityNormalisation.Apply(Ramp(), NormalisationSettings.ZScore());
        Assert.Equal(0, z.Voxels[74] + z.Voxels[75], 5);
        var sorted = IntensityNormalisation.SortedRegion(Ramp(), NormalisationRegion.Foreground, null, null, "ramp");
        Assert.Equal(50, sorted.Length);
        Assert.Equal(51, sorted[0]);
    }

    [Fact]
    public void Percentile_scaling_maps_the_percentiles_to_0_and_the_scale()
    {
        var p = IntensityNormalisation.Apply(Ramp(), NormalisationSettings.Percentile(1, 99, NormalisationRegion.Image) with { Scale = 100 });
        // Voxel value 50 → (50 − 1.99) / (99.01 − 1.99) · 100
        Assert.Equal((50 - 1.99) / 97.02 * 100, p.Voxels[49], 4);
    }

    [Fact]
    public void Roi_and_reference_regions_use_their_masks_and_name_the_scan_when_empty()
    {
        var mask = new byte[100];
        mask[0] = mask[1] = mask[2] = 1; // intensities 1, 2, 3
        var roi = new LabelMap(new Image<byte>(Grid, mask));
        var z = IntensityNormalisation.Apply(Ramp(), NormalisationSettings.ZScore(NormalisationRegion.Roi), roi);
        Assert.Equal(0, z.Voxels[1], 6);
        Assert.Equal(1 / Math.Sqrt(2.0 / 3), z.Voxels[2], 5);

        var empty = new LabelMap(new Image<byte>(Grid));
        var e = Assert.Throws<InvalidInputException>(() =>
            IntensityNormalisation.Apply(Ramp(), NormalisationSettings.ZScore(NormalisationRegion.Reference), reference: empty, scan: "subject s1, time point t0"));
        Assert.Contains("subject s1, time point t0", e.Message, StringComparison.Ordinal);
        Assert.Contains("reference region", e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<InvalidInputException>(() => IntensityNormalisation.Apply(Ramp(), NormalisationSettings.ZScore(NormalisationRegion.Roi), scan: "scan.nii"));
        Assert.Contains("scan.nii", missing.Message, StringComparison.Ordinal);
        var flat = Assert.Throws<InvalidInputException>(() => IntensityNormalisation.Apply(new Image<float>(Grid), NormalisationSettings.ZScore(NormalisationRegion.Image), scan: "flat.nii"));
        Assert.Contains("flat.nii", flat.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nyul_maps_training_landmarks_to_the_standard_scale_and_needs_fitting()
    {
        var settings = NyulStandardisation.Fit([(Ramp(), null, null, "a"), (Affine(Ramp(), 3, 50), null, null, "b")], NormalisationSettings.Nyul(NormalisationRegion.Image));
        Assert.NotNull(settings.StandardLandmarks);
        Assert.Equal(0, settings.StandardLandmarks![0], 9);
        Assert.Equal(100, settings.StandardLandmarks[^1], 9);
        // Linear scans: the landmarks are equally spaced in percentile, so the standard landmarks are (p − 1) / 98 · 100.
        Assert.Equal(49.0 / 98 * 100, settings.StandardLandmarks[5], 6);
        var standardised = IntensityNormalisation.Apply(Affine(Ramp(), 7, -20), settings);
        Assert.Equal(0, standardised.Voxels[0] - (float)((1 - 1.99) / 97.02 * 100), 3);

        var e = Assert.Throws<InvalidInputException>(() => IntensityNormalisation.Apply(Ramp(), NormalisationSettings.Nyul(), scan: "mr.nrrd"));
        Assert.Contains("not been fitted", e.Message, StringComparison.Ordinal);
        Assert.Contains("mr.nrrd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_method_removes_a_positive_affine_intensity_change()
    {
        var gains = Gen.Choose(1, 400).Select(g => g / 20.0);
        var offsets = Gen.Choose(-500, 500).Select(o => (double)o);
        Prop.ForAll(gains.ToArbitrary(), offsets.ToArbitrary(), (a, b) =>
        {
            var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(24, 24, 8) });
            var moved = Affine(scan.Image, a, b);
            var nyul = NyulStandardisation.Fit([(scan.Image, null, null, "a")], NormalisationSettings.Nyul());
            foreach (var s in new[] { NormalisationSettings.ZScore(), NormalisationSettings.ZScore(NormalisationRegion.Roi), NormalisationSettings.Percentile(), nyul })
            {
                var x = IntensityNormalisation.Apply(scan.Image, s, scan.Tumour).Voxels.ToArray();
                var y = IntensityNormalisation.Apply(moved, s, scan.Tumour).Voxels.ToArray();
                double scale = s.Method == NormalisationMethod.Nyul ? 100 : 1;
                for (int i = 0; i < x.Length; i += 7)
                {
                    if (Math.Abs(x[i] - y[i]) > 2e-3 * scale * Math.Max(1, Math.Abs(x[i])))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void Mr_default_features_do_not_change_with_the_scanner_scale()
    {
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(48, 48, 16) });
        var settings = FeaturePresets.MrDefault with { Families = FeatureFamilies.IntensityStatistics | FeatureFamilies.IntensityHistogram };
        var a = FeatureExtractor.Extract(scan.Image, scan.Tumour, settings);
        var b = FeatureExtractor.Extract(Affine(scan.Image, 4.5, 300), scan.Tumour, settings);
        foreach (var code in new[] { "Q4LE", "ECT3", "X6K6", "CH89" })
        {
            Assert.Equal(a.Value(code), b.Value(code), 3);
        }

        // Without normalisation the mean moves with the scale.
        var raw = FeaturePresets.MrDefault with { Normalisation = null, Families = FeatureFamilies.IntensityStatistics };
        Assert.NotEqual(FeatureExtractor.Extract(scan.Image, scan.Tumour, raw).Value("Q4LE"), FeatureExtractor.Extract(Affine(scan.Image, 4.5, 300), scan.Tumour, raw).Value("Q4LE"), 3);
    }
}
