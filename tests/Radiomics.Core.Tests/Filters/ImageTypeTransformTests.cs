using Radiomics.Filters;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Filters;

/// <summary>PyRadiomics image types (square, square root, logarithm, exponential, gradient, 3D LBP) and Gaussian smoothing.</summary>
public class ImageTypeTransformTests
{
    private static Image<double> Values(params double[] values) => new(ImageGeometry.Create(values.Length, 1, 1), values);

    [Fact]
    public void Intensity_transforms_follow_the_PyRadiomics_formulas()
    {
        var image = Values(-4, -1, 0, 1, 9);
        double c = 9;
        Assert.Equal(new[] { 16 / c, 1 / c, 0, 1 / c, 81 / c }, new SquareSettings().Apply(image).Voxels.ToArray(), Close);
        Assert.Equal(new[] { -6.0, -3, 0, 3, 9 }, new SquareRootSettings().Apply(image).Voxels.ToArray(), Close);
        double scale = c / Math.Log(10);
        Assert.Equal(
            new[] { -Math.Log(5) * scale, -Math.Log(2) * scale, 0, Math.Log(2) * scale, 9 },
            new LogarithmSettings().Apply(image).Voxels.ToArray(),
            Close);
        double k = Math.Log(c) / c;
        Assert.Equal(new[] { Math.Exp(-4 * k), Math.Exp(-k), 1, Math.Exp(k), 9 }, new ExponentialSettings().Apply(image).Voxels.ToArray(), Close);
    }

    [Fact]
    public void Gradient_magnitude_of_a_linear_ramp_is_its_slope_in_intensity_per_mm()
    {
        var geometry = ImageGeometry.Create(6, 5, 4, new Vec3(0.5, 2, 3));
        var ramp = new ImageBuilder<double>(geometry);
        for (int z = 0; z < 4; z++)
        {
            for (int y = 0; y < 5; y++)
            {
                for (int x = 0; x < 6; x++)
                {
                    ramp[x, y, z] = 3 * (x * 0.5) + 4 * (z * 3.0);
                }
            }
        }

        var gradient = new GradientMagnitudeSettings().Apply(ramp.ToImage());
        Assert.Equal(5, gradient[2, 2, 2], 12);
        Assert.Equal(Math.Sqrt(1.5 * 1.5 + 16), gradient[0, 2, 2], 12); // one-sided half difference at the edge
        var unitSpacing = new GradientMagnitudeSettings { UseSpacing = false }.Apply(ramp.ToImage());
        Assert.Equal(Math.Sqrt(1.5 * 1.5 + 12 * 12), unitSpacing[2, 2, 2], 12);
    }

    [Fact]
    public void Lbp_3d_of_a_constant_image_has_the_isotropic_energy_only()
    {
        var image = FilterPropertyTests.Constant(new Size3(5, 5, 5), 7);
        // All 42 samples equal the centre: c₀₀ = 42·Y₀₀, so m1 = √42 · 42/(4π) whatever the constant; the kurtosis
        // of a constant sample is taken as 0. (Level 2 is not zero: PyRadiomics passes the polar angle as scipy's
        // azimuth, so its "degree 1" functions do not cancel over the sphere; that is reproduced, not corrected.)
        Assert.Equal(Math.Sqrt(42) * 42 / (4 * Math.PI), new LocalBinaryPattern3DSettings { Level = 1 }.Apply(image)[2, 2, 2], 9);
        var other = FilterPropertyTests.Constant(new Size3(5, 5, 5), -300);
        Assert.Equal(
            new LocalBinaryPattern3DSettings { Level = 2 }.Apply(image)[2, 2, 2],
            new LocalBinaryPattern3DSettings { Level = 2 }.Apply(other)[2, 2, 2],
            9);
        Assert.Equal(0, new LocalBinaryPattern3DSettings { Kurtosis = true }.Apply(image)[2, 2, 2], 9);
        Assert.Equal(42, LocalBinaryPattern3DSettings.Icosphere(1).Count);
    }

    [Fact]
    public void Lbp_3d_level_2_responds_to_a_gradient_and_not_to_its_sign()
    {
        var ramp = new ImageBuilder<double>(ImageGeometry.Create(7, 7, 7));
        for (int z = 0; z < 7; z++)
        {
            for (int y = 0; y < 7; y++)
            {
                for (int x = 0; x < 7; x++)
                {
                    ramp[x, y, z] = x + 2 * y;
                }
            }
        }

        var flipped = new Image<double>(ramp.Geometry, ramp.Voxels.ToArray().Select(v => -v).ToArray());
        var settings = new LocalBinaryPattern3DSettings { Level = 2 };
        double m2 = settings.Apply(ramp.ToImage())[3, 3, 3];
        Assert.True(m2 > 1, $"m2 = {m2}");
        Assert.Equal(m2, settings.Apply(flipped)[3, 3, 3], 9);
    }

    [Fact]
    public void Gaussian_smoothing_keeps_constants_and_the_total_with_periodic_boundary()
    {
        var constant = FilterPropertyTests.Constant(new Size3(9, 8, 7), 3.5);
        Assert.All(Gaussian.Smooth(constant, new Vec3(2, 2, 0)).Voxels.ToArray(), v => Assert.Equal(3.5, v, 12));

        var random = FilterPropertyTests.Random(new Size3(16, 12, 10), 5);
        var smooth = Gaussian.Smooth(random, new Vec3(1.5, 1, 2), boundary: BoundaryCondition.Periodic);
        Assert.Equal(random.Sum(), smooth.Sum(), 8);
        Assert.True(Variance(smooth) < Variance(random) / 4);
    }

    private static double Variance(Image<double> image)
    {
        var v = image.Voxels.ToArray();
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean)) / v.Length;
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) <= 1e-12 * (1 + Math.Abs(a)), _ => 0);
}
