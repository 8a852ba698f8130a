using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class SpatialAutocorrelationTests
{
    private static double[] Intensities(MaskCase c, int seed)
    {
        var random = new Random(seed);
        var values = new double[c.Mask.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round((random.NextDouble() * 2000) - 1000);
        }

        return values;
    }

    [Fact]
    public void Spectral_sums_equal_the_pair_loop()
    {
        Prop.ForAll(MorphologyGen.Masks.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, seed) =>
        {
            var values = Intensities(c, seed);
            var direct = SpatialAutocorrelation.DirectSums(values, c.Mask, c.Size, c.Spacing);
            var spectral = SpatialAutocorrelation.SpectralSums(values, c.Mask, c.Size, c.Spacing);
            bool Close(double a, double b, double scale) => Math.Abs(a - b) <= 1e-9 * scale;
            double scale = direct.SumSquares * direct.Weights + 1;
            return direct.Count == spectral.Count
                && Close(direct.Weights, spectral.Weights, Math.Max(1, direct.Weights))
                && Close(direct.Cross, spectral.Cross, scale)
                && Close(direct.SquaredDifferences, spectral.SquaredDifferences, scale);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Large_ROI_uses_the_transform_and_agrees_with_the_definition()
    {
        var ball = MorphologyGen.Ball(7.5, new Vec3(0.8, 0.8, 2.5));
        Assert.True(ball.Count > SpatialAutocorrelation.DirectLimit);
        var values = Intensities(ball, 42);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] += 40 * (i % ball.Size.X);
        }

        var (moran, geary) = SpatialAutocorrelation.Compute(values, ball.Mask, ball.Size, ball.Spacing);
        var (exactMoran, exactGeary) = SpatialAutocorrelation.DirectSums(values, ball.Mask, ball.Size, ball.Spacing).Features();
        Assert.Equal(exactMoran, moran, 10);
        Assert.Equal(exactGeary, geary, 10);
        Assert.True(moran > 0);
    }

    [Fact]
    public void Checkerboard_is_anti_correlated_and_a_ramp_is_correlated()
    {
        var box = MorphologyGen.Box(6, 6, 6, Vec3.One);
        var checker = new double[box.Mask.Length];
        var ramp = new double[box.Mask.Length];
        for (int i = 0; i < checker.Length; i++)
        {
            int x = i % 6, y = i / 6 % 6, z = i / 36;
            checker[i] = (x + y + z) % 2 == 0 ? 1 : -1;
            ramp[i] = x;
        }

        var (checkerI, checkerC) = SpatialAutocorrelation.Compute(checker, box.Mask, box.Size, box.Spacing);
        var (rampI, rampC) = SpatialAutocorrelation.Compute(ramp, box.Mask, box.Size, box.Spacing);
        Assert.True(checkerI < 0 && checkerC > 1);
        Assert.True(rampI > 0 && rampC < 1);
    }

    [Fact]
    public void Constant_intensities_and_single_voxels_give_NaN()
    {
        var box = MorphologyGen.Box(3, 3, 3, Vec3.One);
        var (i, c) = SpatialAutocorrelation.Compute(new double[27], box.Mask, box.Size, box.Spacing);
        Assert.True(double.IsNaN(i) && double.IsNaN(c));
        var (i1, c1) = SpatialAutocorrelation.Compute([5.0], [true], new Size3(1, 1, 1), Vec3.One);
        Assert.True(double.IsNaN(i1) && double.IsNaN(c1));
    }
}
