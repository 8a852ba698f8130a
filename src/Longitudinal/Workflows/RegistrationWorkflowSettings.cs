using Radiomics.Longitudinal.Registration;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Workflows;

/// <summary>Settings of <see cref="RegistrationWorkflow.Register"/>; the defaults are those of <c>radiomics register</c>.</summary>
public sealed record RegistrationWorkflowSettings
{
    public RegistrationBackend Backend { get; init; } = RegistrationBackend.Ours;

    /// <summary>Threads of the registration, the field sampling and the resampling (default all cores).</summary>
    public Parallelism Parallelism { get; init; }

    /// <summary>Our registration's settings (default <see cref="DeformableRegistrationSettings"/>'s); its thread count is taken from <see cref="Parallelism"/>.</summary>
    public DeformableRegistrationSettings Ours { get; init; } = new();

    /// <summary>B-spline control point spacing at the finest level, mm, replacing that of <see cref="Ours"/> (ours only).</summary>
    public double? GridSpacing { get; init; }

    /// <summary>Stop after the affine stage (ours only).</summary>
    public bool AffineOnly { get; init; }

    /// <summary>elastix executables and parameter files; the working folder is always <c>OUTPUT/elastix</c>.</summary>
    public ElastixSettings Elastix { get; init; } = new();

    /// <summary>plastimatch executable and parameter file; the working folder is always <c>OUTPUT/plastimatch</c>.</summary>
    public PlastimatchSettings Plastimatch { get; init; } = new();
}
