using Radiomics.Numerics;
using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;

/// <summary>Times single metric evaluations on a pair's full-resolution level (dev aid: process CPU time per evaluation).</summary>
internal static class Profile
{
    public static void Run(string pair, int threads)
    {
        var parallel = new Parallelism(threads);
        var images = RegistrationImages.Create(ImageFile.Read(Path.Combine(pair, "followup.nii.gz")), ImageFile.Read(Path.Combine(pair, "baseline.nii.gz")), null, parallel);
        foreach (var (shrink, grid, stride) in new[] { (4, 48.0, 1), (2, 24.0, 2), (1, 12.0, 4) })
        {
            Console.WriteLine($"level shrink {shrink}, grid {grid} mm, stride {stride}");
            Level(images, shrink, grid, stride, parallel);
        }
    }

    private static void Level(RegistrationImages images, int shrink, double gridSpacing, int stride, Parallelism parallel)
    {
        double target = shrink * images.FinestSpacing;
        var level = images.Level(target, shrink > 1 ? 0.5 * target : 0);
        var spline = BSplineTransform.Identity(images.FixedGeometry, new Vec3(gridSpacing, gridSpacing, gridSpacing));
        var axes = BSplineAxisWeights.For(level.Fixed.Geometry, spline.Grid)!;
        var c = spline.Coefficients.ToArray();
        var g = new double[c.Length];
        foreach (var kind in new[] { MetricKind.MeanSquares, MetricKind.MattesMutualInformation })
        {
            PointMetric metric = kind == MetricKind.MeanSquares ? new MeanSquaresMetric() : new MattesMutualInformationMetric(32, level.FixedRange, level.MovingRange);
            var objective = new DenseObjective(level, metric, parallel, stride);
            objective.EvaluateSpline(Matrix3.Identity, Vec3.Zero, spline.Grid, axes, c, g);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            const int n = 10;
            for (int i = 0; i < n; i++)
            {
                objective.EvaluateSpline(Matrix3.Identity, Vec3.Zero, spline.Grid, axes, c, g);
            }

            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n;
            Console.WriteLine($"{kind,-24} spline eval: wall {wall.Elapsed.TotalMilliseconds / n:F1} ms, cpu {cpuMs:F1} ms, {cpuMs * 1e6 / level.CountSamples(stride):F1} ns/sample ({level.CountSamples(stride)} samples)");
            var gl = new double[12];
            objective.EvaluateLinear(Matrix3.Identity, Vec3.Zero, gl);
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < n; i++)
            {
                objective.EvaluateLinear(Matrix3.Identity, Vec3.Zero, gl);
            }

            cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n;
            Console.WriteLine($"{kind,-24} linear eval: cpu {cpuMs:F1} ms, {cpuMs * 1e6 / level.Fixed.VoxelCount:F1} ns/voxel");
        }
    }
}
