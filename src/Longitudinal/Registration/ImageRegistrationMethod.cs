using Radiomics.Numerics;
using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// One registration stage, after SimpleITK's <c>ImageRegistrationMethod</c>: optimises the transform named by
/// <see cref="ImageRegistrationSettings.Transform"/> over a Gaussian pyramid, starting from
/// <see cref="InitialTransform"/>. The metric is evaluated densely over every (masked) fixed voxel with its analytic
/// gradient, in parallel over slices. Deterministic: no random sampling.
/// </summary>
public sealed class ImageRegistrationMethod : IImageRegistration
{
    public ImageRegistrationMethod(ImageRegistrationSettings? settings = null)
    {
        Settings = settings ?? new ImageRegistrationSettings();
        Settings.Validate();
    }

    public ImageRegistrationSettings Settings { get; }

    /// <summary>
    /// The starting transform (fixed → moving). Must be linear (translation, rigid, affine) or null for identity; a
    /// B-spline stage keeps it fixed and optimises a deformation applied before it: <c>T(x) = L(x + u(x))</c>.
    /// </summary>
    public ITransform? InitialTransform { get; init; }

    /// <summary>Only fixed voxels where this label map is non-zero are compared (on the fixed grid).</summary>
    public LabelMap? FixedImageMask { get; init; }

    /// <summary>Threads to use; 0 means all cores.</summary>
    public int NumberOfThreads { get; init; }

    public RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        var parallelism = Threads(NumberOfThreads, cancellation);
        var images = RegistrationImages.Create(fixedImage, movingImage, FixedImageMask, parallelism);
        return Execute(images, progress, cancellation, 0, 1);
    }

    internal static Parallelism Threads(int threads, CancellationToken cancellation) =>
        new(threads) { Cancellation = cancellation };

    internal RegistrationResult Execute(RegistrationImages images, IProgress<RegistrationProgress>? progress, CancellationToken cancellation, double progressStart, double progressSpan)
    {
        var initial = InitialTransform switch
        {
            null => AffineTransform.Identity.WithCentre(images.FixedGeometry.Centre),
            ILinearTransform l => l.ToAffine(),
            _ => throw new ArgumentException($"The initial transform must be linear (translation, rigid or affine); got {InitialTransform.GetType().Name}.", nameof(InitialTransform)),
        };
        CheckOverlap(images, initial);
        var clock = Stopwatch.StartNew();
        var reports = new List<RegistrationLevelReport>();
        ITransform result;
        double value;
        if (Settings.Transform == TransformKind.BSpline)
        {
            (result, value) = RunBSpline(images, initial, reports, progress, cancellation, progressStart, progressSpan);
        }
        else
        {
            (result, value) = RunLinear(images, initial, reports, progress, cancellation, progressStart, progressSpan);
        }

        return new RegistrationResult(result, images.FixedGeometry, reports, value, clock.Elapsed);
    }

    private (ITransform, double) RunLinear(
        RegistrationImages images, AffineTransform initial, List<RegistrationLevelReport> reports, IProgress<RegistrationProgress>? progress,
        CancellationToken cancellation, double progressStart, double progressSpan)
    {
        var fg = images.FixedGeometry;
        var extent = (fg.IndexToPhysical(fg.Size.X - 1, fg.Size.Y - 1, fg.Size.Z - 1) - fg.Origin).Norm;
        var parameters = new LinearParameters(Settings.Transform, initial, Math.Max(extent / (2 * Math.Sqrt(3)), 1));
        var q = parameters.Initial();
        double value = double.NaN;
        int levels = Settings.LevelCount;
        for (int level = 0; level < levels; level++)
        {
            var clock = Stopwatch.StartNew();
            var objective = LevelObjective(images, level);
            var dAb = new double[12];
            Objective f = (x, g) =>
            {
                var (a, b) = parameters.Map(x);
                double v = objective.EvaluateLinear(a, b, dAb);
                parameters.Gradient(x, dAb, g);
                return v;
            };
            int iterations = Settings.Optimiser.IterationsAt(level);
            var outcome = Optimiser.Minimize(f, q, Settings.Optimiser, iterations, cancellation, Report(progress, "affine", level, levels, iterations, progressStart, progressSpan));
            value = outcome.Value;
            reports.Add(new RegistrationLevelReport(Name, level, objective.Level.Fixed.Geometry.Size, objective.Level.Fixed.Geometry.Spacing, outcome.Iterations, outcome.Evaluations, outcome.Value, outcome.StopReason, clock.Elapsed));
        }

        return (parameters.ToTransform(q), value);
    }

    private (ITransform, double) RunBSpline(
        RegistrationImages images, AffineTransform linear, List<RegistrationLevelReport> reports, IProgress<RegistrationProgress>? progress,
        CancellationToken cancellation, double progressStart, double progressSpan)
    {
        var fg = images.FixedGeometry;
        var schedule = Settings.GridSpacingSchedule;
        double spacing0 = Settings.GridSpacing * schedule[0];
        var spline = BSplineTransform.Identity(fg, new Vec3(spacing0, spacing0, spacing0));
        double value = double.NaN;
        var a = linear.Matrix;
        var b = linear.Offset;
        int levels = Settings.LevelCount;
        for (int level = 0; level < levels; level++)
        {
            var clock = Stopwatch.StartNew();
            if (level > 0)
            {
                double previous = schedule[Math.Min(level - 1, schedule.Count - 1)], current = schedule[Math.Min(level, schedule.Count - 1)];
                if (Math.Abs(previous / current - 2) < 1e-9)
                {
                    spline = spline.Refine();
                }
            }

            var objective = LevelObjective(images, level);
            var grid = spline.Grid;
            var axes = BSplineAxisWeights.For(objective.Level.Fixed.Geometry, grid)
                ?? throw new InvalidOperationException("The B-spline grid must share the fixed image's direction.");
            var q = spline.Coefficients.ToArray();
            double weight = Settings.BendingEnergyWeight;
            Objective f = (x, g) =>
            {
                double v = objective.EvaluateSpline(a, b, grid, axes, x, g);
                return v + BendingEnergy.AddTo(grid, x, g, weight);
            };
            int iterations = Settings.Optimiser.IterationsAt(level);
            var outcome = Optimiser.Minimize(f, q, Settings.Optimiser, iterations, cancellation, Report(progress, "bspline", level, levels, iterations, progressStart, progressSpan));
            spline = new BSplineTransform(grid, q);
            value = outcome.Value;
            reports.Add(new RegistrationLevelReport(Name, level, objective.Level.Fixed.Geometry.Size, objective.Level.Fixed.Geometry.Spacing, outcome.Iterations, outcome.Evaluations, outcome.Value, outcome.StopReason, clock.Elapsed));
        }

        bool identity = linear.Matrix.MaxAbsDifference(Matrix3.Identity) == 0 && linear.Offset.MaxAbs == 0;
        return (identity ? spline : new CompositeTransform(spline, linear), value);
    }

    private string Name => Settings.Transform.ToString();

    private DenseObjective LevelObjective(RegistrationImages images, int level)
    {
        double target = Settings.ShrinkFactors[level] * images.FinestSpacing;
        var levelImages = images.Level(target, Settings.SigmaAt(level, target));
        PointMetric metric = Settings.Metric.Kind switch
        {
            MetricKind.MeanSquares => new MeanSquaresMetric(),
            MetricKind.Correlation => new CorrelationMetric(),
            _ => new MattesMutualInformationMetric(Settings.Metric.NumberOfHistogramBins, levelImages.FixedRange, levelImages.MovingRange),
        };
        return new DenseObjective(levelImages, metric, images.Parallelism, Settings.StrideAt(level, levelImages.Fixed.Geometry.VoxelCount));
    }

    private static Action<int, double>? Report(
        IProgress<RegistrationProgress>? progress, string stage, int level, int levels, int iterations, double start, double span)
    {
        if (progress is null)
        {
            return null;
        }

        return (it, v) =>
        {
            double within = (level + Math.Min(1.0, (it + 1.0) / Math.Max(1, iterations))) / levels;
            progress.Report(new RegistrationProgress(stage, level, levels, it, v, start + span * within));
        };
    }

    /// <summary>Throws <see cref="RegistrationException"/> when no fixed voxel maps inside the moving image.</summary>
    private static void CheckOverlap(RegistrationImages images, AffineTransform initial)
    {
        var fg = images.FixedGeometry;
        var mg = images.MovingGeometry;
        var size = fg.Size;
        int step = Math.Max(1, (int)Math.Cbrt(fg.VoxelCount / 20_000.0));
        for (int z = 0; z < size.Z; z += step)
        {
            for (int y = 0; y < size.Y; y += step)
            {
                for (int x = 0; x < size.X; x += step)
                {
                    var p = mg.PhysicalToIndex(initial.TransformPoint(fg.IndexToPhysical(x, y, z)));
                    if (p.X >= -0.5 && p.Y >= -0.5 && p.Z >= -0.5 && p.X <= mg.Size.X - 0.5 && p.Y <= mg.Size.Y - 0.5 && p.Z <= mg.Size.Z - 0.5)
                    {
                        return;
                    }
                }
            }
        }

        throw new RegistrationException(
            RegistrationProblem.NoOverlap,
            $"The images do not overlap in physical space under the initial transform: fixed {fg}; moving {mg}. Check the origins and directions, or give an initial transform.",
            nameof(InitialTransform));
    }
}
