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
        if (Settings.Affine is { Transform: TransformKind.BSpline })
        {
            throw new ArgumentException("The affine stage must optimise a linear transform.", nameof(settings));
        }

        if (Settings.Deformable is { } d && d.Transform != TransformKind.BSpline)
        {
            throw new ArgumentException("The deformable stage must optimise a B-spline transform.", nameof(settings));
        }
    }

    public DeformableRegistrationSettings Settings { get; }

    /// <summary>Only fixed voxels where this label map is non-zero are compared.</summary>
    public LabelMap? FixedImageMask { get; init; }

    public RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var parallel = ImageRegistrationMethod.Threads(Settings.NumberOfThreads, cancellation);
        var images = RegistrationImages.Create(fixedImage, movingImage, FixedImageMask, parallel);
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

        if (Settings.Deformable is { } deformable)
        {
            var stage = new ImageRegistrationMethod(deformable) { InitialTransform = transform }.Execute(images, progress, cancellation, both ? 0.3 : 0, both ? 0.7 : 1);
            transform = stage.Transform;
            reports.AddRange(stage.Levels);
            value = stage.MetricValue;
        }

        return new RegistrationResult(transform, fixedImage.Geometry, reports, value, clock.Elapsed);
    }
}
