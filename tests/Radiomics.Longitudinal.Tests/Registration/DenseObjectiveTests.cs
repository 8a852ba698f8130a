using Radiomics.Numerics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Tests.Registration;

public class DenseObjectiveTests
{
    private static LevelImages Level()
    {
        var g = ImageGeometry.Create(24, 22, 16, new Vec3(1.5, 1.5, 2));
        var f = TestVolumes.Blobs(g);
        var m = TestVolumes.Blobs(g, p => p + new Vec3(1.2, -0.7, 0.5));
        return new LevelImages(f, null, m);
    }

    private static PointMetric Metric(MetricKind kind, LevelImages level) => kind switch
    {
        MetricKind.MeanSquares => new MeanSquaresMetric(),
        MetricKind.Correlation => new CorrelationMetric(),
        _ => new MattesMutualInformationMetric(32, level.FixedRange, level.MovingRange),
    };

    [Theory]
    [InlineData(MetricKind.MeanSquares)]
    [InlineData(MetricKind.Correlation)]
    [InlineData(MetricKind.MattesMutualInformation)]
    public void Linear_gradient_matches_finite_differences(MetricKind kind)
    {
        var level = Level();
        var objective = new DenseObjective(level, Metric(kind, level), Parallelism.AllCores);
        var a = new Matrix3(1.02, 0.03, -0.01, -0.02, 0.98, 0.02, 0.01, 0.01, 1.01);
        var b = new Vec3(0.4, -0.3, 0.2);
        var g = new double[12];
        objective.EvaluateLinear(a, b, g);
        // Translation components: step 1e-3 mm.
        for (int i = 0; i < 3; i++)
        {
            double h = 1e-3;
            var d = new Vec3(i == 0 ? h : 0, i == 1 ? h : 0, i == 2 ? h : 0);
            double fp = objective.EvaluateLinear(a, b + d, default);
            double fm = objective.EvaluateLinear(a, b - d, default);
            double numeric = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(numeric - g[9 + i]) <= 0.02 * Math.Abs(numeric) + 1e-6, $"{kind} db[{i}]: analytic {g[9 + i]}, numeric {numeric}");
        }

        // Matrix entries: step 1e-5.
        for (int k = 0; k < 9; k++)
        {
            double h = 1e-5;
            var e = new double[9];
            e[k] = h;
            var d = Matrix3.FromRowMajor(e);
            double fp = objective.EvaluateLinear(a + d, b, default);
            double fm = objective.EvaluateLinear(a - d, b, default);
            double numeric = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(numeric - g[k]) <= 0.03 * Math.Abs(numeric) + 1e-5, $"{kind} dA[{k}]: analytic {g[k]}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData(MetricKind.MeanSquares)]
    [InlineData(MetricKind.MattesMutualInformation)]
    public void Spline_gradient_matches_finite_differences(MetricKind kind)
    {
        var level = Level();
        var objective = new DenseObjective(level, Metric(kind, level), Parallelism.AllCores);
        var spline = BSplineTransform.Identity(level.Fixed.Geometry, new Vec3(10, 10, 10));
        var grid = spline.Grid;
        var axes = BSplineAxisWeights.For(level.Fixed.Geometry, grid)!;
        var rng = new Random(3);
        var c = new double[spline.Coefficients.Length];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = rng.NextDouble() - 0.5;
        }

        var g = new double[c.Length];
        objective.EvaluateSpline(Matrix3.Identity, Vec3.Zero, grid, axes, c, g);
        int checkedCount = 0;
        for (int i = 0; i < c.Length; i += 37)
        {
            double h = 1e-5;
            double keep = c[i];
            c[i] = keep + h;
            double fp = objective.EvaluateSpline(Matrix3.Identity, Vec3.Zero, grid, axes, c, default);
            c[i] = keep - h;
            double fm = objective.EvaluateSpline(Matrix3.Identity, Vec3.Zero, grid, axes, c, default);
            c[i] = keep;
            double numeric = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(numeric - g[i]) <= 0.05 * Math.Abs(numeric) + 1e-6, $"{kind} dc[{i}]: analytic {g[i]}, numeric {numeric}");
            checkedCount++;
        }

        Assert.True(checkedCount > 10);
    }

    [Theory]
    [InlineData(MetricKind.MeanSquares)]
    [InlineData(MetricKind.Correlation)]
    [InlineData(MetricKind.MattesMutualInformation)]
    public void Metric_and_gradient_are_bit_identical_on_one_and_two_threads(MetricKind kind)
    {
        var level = Level();
        var spline = BSplineTransform.Identity(level.Fixed.Geometry, new Vec3(10, 10, 10));
        var axes = BSplineAxisWeights.For(level.Fixed.Geometry, spline.Grid)!;
        var rng = new Random(5);
        var c = new double[spline.Coefficients.Length];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = rng.NextDouble() - 0.5;
        }

        var a = new Matrix3(1.02, 0.03, -0.01, -0.02, 0.98, 0.02, 0.01, 0.01, 1.01);
        var b = new Vec3(0.4, -0.3, 0.2);
        (double Linear, double[] LinearGradient, double Spline, double[] SplineGradient) Evaluate(int threads)
        {
            var objective = new DenseObjective(level, Metric(kind, level), new Parallelism(threads));
            var linearGradient = new double[12];
            var splineGradient = new double[c.Length];
            double linear = objective.EvaluateLinear(a, b, linearGradient);
            double splineValue = objective.EvaluateSpline(a, b, spline.Grid, axes, c, splineGradient);
            return (linear, linearGradient, splineValue, splineGradient);
        }

        var one = Evaluate(1);
        var two = Evaluate(2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Linear), BitConverter.DoubleToInt64Bits(two.Linear));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Spline), BitConverter.DoubleToInt64Bits(two.Spline));
        Assert.Equal(one.LinearGradient, two.LinearGradient);
        Assert.Equal(one.SplineGradient, two.SplineGradient);
        Assert.True(one.Linear != 0 && one.LinearGradient.Any(v => v != 0));
    }
}
