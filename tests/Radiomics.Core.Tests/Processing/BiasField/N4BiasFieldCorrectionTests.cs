using Xunit.Abstractions;
using Radiomics.Imaging;
using Radiomics.Processing.BiasField;

namespace Radiomics.Core.Tests.Processing.BiasField;

public class N4BiasFieldCorrectionTests(ITestOutputHelper output)
{
    private const int N = 64, Nz = 32;

    private static double Radius(int x, int y, int z) => Math.Sqrt(Math.Pow(x - 31.5, 2) + Math.Pow(y - 31.5, 2) + Math.Pow((z - 15.5) * 2, 2));

    /// <summary>
    /// A head of radius 28 mm made of two interleaved tissues (a checkerboard of 6 × 6 × 6 mm cells of 100 and 60, as
    /// white and grey matter interleave) with Gaussian noise σ = 2, optionally times a smooth field of about ±25 %.
    /// The uniform tissue is the interior of the bright cells.
    /// </summary>
    private static (Image<float> Image, LabelMap Head, LabelMap Uniform) Phantom(bool field)
    {
        var geometry = new ImageGeometry(new Size3(N, N, Nz), new Vec3(1, 1, 2), Vec3.Zero, Matrix3.Identity);
        var image = new ImageBuilder<float>(geometry);
        var head = new ImageBuilder<byte>(geometry);
        var uniform = new ImageBuilder<byte>(geometry);
        var random = new Random(7);
        for (int z = 0; z < Nz; z++)
        {
            for (int y = 0; y < N; y++)
            {
                for (int x = 0; x < N; x++)
                {
                    double r = Radius(x, y, z);
                    if (r >= 28)
                    {
                        continue;
                    }

                    bool bright = ((x / 6) + (y / 6) + (z / 3)) % 2 == 0;
                    double tissue = bright ? 100 : 60;
                    double bias = field ? Math.Exp((0.22 * ((x / (N - 1.0)) - 0.5) * 2) + (0.12 * Math.Sin(Math.PI * y / (N - 1.0))) - (0.1 * z / (Nz - 1.0))) : 1;
                    image[x, y, z] = (float)((tissue + (2 * Gaussian(random))) * bias);
                    head[x, y, z] = 1;
                    bool interior = x % 6 is not (0 or 5) && y % 6 is not (0 or 5) && z % 3 == 1;
                    uniform[x, y, z] = bright && interior && r < 26 ? (byte)1 : (byte)0;
                }
            }
        }

        return (image.ToImage(), new LabelMap(head.ToImage()), new LabelMap(uniform.ToImage()));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double CoefficientOfVariation(Image<float> image, LabelMap region)
    {
        var values = new List<double>();
        for (int i = 0; i < image.Voxels.Length; i++)
        {
            if (region.Voxels[i] != 0)
            {
                values.Add(image.Voxels[i]);
            }
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count) / mean;
    }

    [Fact]
    public void N4_removes_a_planted_smooth_multiplicative_field()
    {
        var (clean, _, uniform) = Phantom(field: false);
        var (biased, head, _) = Phantom(field: true);
        double noiseOnly = CoefficientOfVariation(clean, uniform);
        double before = CoefficientOfVariation(biased, uniform);
        var result = N4BiasFieldCorrection.Apply(biased, head);
        double after = CoefficientOfVariation(result.Corrected, uniform);
        output.WriteLine($"CV noise only {noiseOnly:F4}, with the field {before:F4}, after N4 {after:F4} ({after / noiseOnly:F2}×); iterations {string.Join(",", result.Iterations)}");
        Assert.True(before > 2 * noiseOnly, $"the planted field should dominate: CV {before:F4} vs noise {noiseOnly:F4}");
        Assert.True(after <= 1.2 * noiseOnly, $"CV after N4 {after:F4}, noise only {noiseOnly:F4}, before {before:F4}; iterations {string.Join(",", result.Iterations)}");
        Assert.Equal(4, result.Iterations.Count);
    }

    [Fact]
    public void N4_in_the_feature_settings_survives_YAML_and_corrects_before_extraction()
    {
        var (biased, head, uniform) = Phantom(field: true);
        var settings = new Radiomics.Features.FeatureSettings
        {
            BiasFieldCorrection = new N4Settings(),
            Families = Radiomics.Features.FeatureFamilies.IntensityStatistics,
            Discretisation = Radiomics.Processing.DiscretisationSettings.FixedBinNumber(16),
        };
        var back = Radiomics.Features.FeatureSettingsYaml.FromYaml(Radiomics.Features.FeatureSettingsYaml.ToYaml(settings));
        Assert.Equal(settings.BiasFieldCorrection.MaximumIterations, back.BiasFieldCorrection!.MaximumIterations);
        double Cv(Radiomics.Features.FeatureSettings s) => Radiomics.Features.FeatureExtractor.Extract(biased, uniform, s).Value("7TET");
        Assert.True(Cv(back) < 0.7 * Cv(settings with { BiasFieldCorrection = null }));
        _ = head;
    }

    [Fact]
    public void N4_without_positive_intensities_is_a_clear_error()
    {
        var geometry = new ImageGeometry(new Size3(8, 8, 4), new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity);
        var e = Assert.Throws<InvalidInputException>(() => N4BiasFieldCorrection.Apply(new Image<float>(geometry), scan: "t1.nii.gz"));
        Assert.Contains("t1.nii.gz", e.Message, StringComparison.Ordinal);
    }
}
