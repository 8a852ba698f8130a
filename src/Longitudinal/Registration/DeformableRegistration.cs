using Radiomics.Numerics;
using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Initialisation, affine and B-spline stages chained (<see cref="DeformableRegistrationSettings"/>); the result maps
/// fixed to moving space as <c>T(x) = A(x + u(x))</c>. The pyramid is built once and shared by the stages.
/// </summary>
public sealed class DeformableRegistration : IImageRegistration
{
    public DeformableRegistration(DeformableRegistrationSettings? settings = null)
    {
        Settings = settings ?? new DeformableRegistrationSettings();
        Settings.Affine?.Validate();
        Settings.Deformable?.Validate();
        Settings.Dense?.Validate();
        if (Settings.Affine is { Transform: TransformKind.BSpline })
        {
            throw new ArgumentException("The affine stage must optimise a linear transform.", nameof(settings));
        }

        if (Settings.Deformable is { } d && d.Transform != TransformKind.BSpline)
        {
            throw new ArgumentException("The deformable stage must optimise a B-spline transform.", nameof(settings));
        }

        // Created before the images are read (RegistrationWorkflow), so the hot loops compile while they load.
        DenseObjective.CompileAhead();
    }

    public DeformableRegistrationSettings Settings { get; }

    /// <summary>Only fixed voxels where this label map is non-zero are compared.</summary>
    public LabelMap? FixedImageMask { get; init; }

    public RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var parallelism = ImageRegistrationMethod.Threads(Settings.NumberOfThreads, cancellation);
        var images = RegistrationImages.Create(fixedImage, movingImage, FixedImageMask, parallelism);
        ITransform transform = CenteredTransformInitializer.Create(fixedImage, movingImage, Settings.Initialization);
        var reports = new List<RegistrationLevelReport>();
        double value = double.NaN;
        bool both = Settings.Affine is not null && Settings.Deformable is not null;
        if (Settings.Affine is { } affine)
        {
            var stage = new ImageRegistrationMethod(affine) { InitialTransform = transform }.Execute(images, progress, cancellation, 0, both ? 0.3 : 1);
            transform = stage.Transform;
            reports.AddRange(stage.Levels);
            value = stage.MetricValue;
        }

        int retries = 0;
        if (Settings.Deformable is { } deformable)
        {
            var linear = transform;
            while (true)
            {
                var stage = new ImageRegistrationMethod(deformable) { InitialTransform = linear }.Execute(images, progress, cancellation, both ? 0.3 : 0, both ? 0.7 : 1);
                transform = stage.Transform;
                reports.AddRange(retries == 0 ? stage.Levels : stage.Levels.Select(l => l with { Stage = $"{l.Stage} (folding guard {retries})" }));
                value = stage.MetricValue;
                if (retries >= Settings.FoldingRetries || !Folds(transform, fixedImage.Geometry, deformable.GridSpacing, parallelism))
                {
                    break;
                }

                retries++;
                deformable = deformable with
                {
                    BendingEnergyWeight = deformable.BendingEnergyWeight > 0 ? deformable.BendingEnergyWeight * Settings.FoldingRegularisationFactor : 0.01,
                };
            }
        }

        if (Settings.Dense is { Iterations: > 0 } dense)
        {
            transform = Refine(images, transform, dense, reports, parallelism);
        }

        return new RegistrationResult(transform, fixedImage.Geometry, reports, value, clock.Elapsed) { FoldingRetries = retries };
    }

    /// <summary>
    /// The dense refinement with its own folding guard: when its field folds, it is run again with twice the elastic
    /// smoothing, at most <see cref="DeformableRegistrationSettings.FoldingRetries"/> times; if it still folds, the
    /// transform stays as it was.
    /// </summary>
    private ITransform Refine(RegistrationImages images, ITransform transform, DenseRefinementSettings dense, List<RegistrationLevelReport> reports, Parallelism parallelism)
    {
        for (int attempt = 0; attempt <= Settings.FoldingRetries; attempt++)
        {
            // Each retry doubles the elastic smoothing (half a millimetre when there was none).
            double elastic = attempt == 0 ? 1 : dense.ElasticSigma > 0 ? Math.Pow(2, attempt) : 0.5 * Math.Pow(2, attempt - 1);
            var (refined, report, field) = DenseRefinement.Run(images, transform, attempt == 0 || dense.ElasticSigma > 0 ? dense : dense with { ElasticSigma = 1 }, elastic, parallelism);
            reports.Add(attempt == 0 ? report : report with { Stage = $"{report.Stage} (folding guard {attempt})" });
            if (!Folding.Of(DisplacementField.JacobianDeterminant(field, parallelism)).Folds)
            {
                return refined;
            }
        }

        return transform;
    }

    /// <summary>
    /// Whether the transform folds anywhere on a check grid over the fixed image with a quarter of the control-point
    /// spacing (never finer than the image): a cubic B-spline's det J varies on the scale of its grid, so folds large
    /// enough to matter show there, at a small fraction of the cost of the full grid.
    /// </summary>
    internal static bool Folds(ITransform transform, ImageGeometry fixedGeometry, double gridSpacing, Parallelism parallelism)
    {
        var spacing = fixedGeometry.Spacing;
        var size = fixedGeometry.Size;
        double step = gridSpacing / 4;
        var checkSpacing = new Vec3(Math.Max(spacing.X, step), Math.Max(spacing.Y, step), Math.Max(spacing.Z, step));
        static int Count(int n, double s, double c) => Math.Max(1, (int)Math.Ceiling((n - 1) * s / c) + 1);
        var check = new ImageGeometry(new Size3(Count(size.X, spacing.X, checkSpacing.X), Count(size.Y, spacing.Y, checkSpacing.Y), Count(size.Z, spacing.Z, checkSpacing.Z)),
            checkSpacing, fixedGeometry.Origin, fixedGeometry.Direction);
        return Folding.Of(DisplacementField.JacobianDeterminant(transform, check, parallelism)).Folds;
    }
}
