namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The default longitudinal registration: centre-of-mass initialisation, an affine stage, then a cubic B-spline
/// free-form deformation, all with Mattes mutual information (robust to the intensity changes of a treated tumour).
/// The defaults were tuned on the benchmark pairs in <c>bench/RegistrationBench</c>.
/// </summary>
public sealed record DeformableRegistrationSettings
{
    public InitializationKind Initialization { get; init; } = InitializationKind.Moments;

    /// <summary>The linear stage; null skips it.</summary>
    public ImageRegistrationSettings? Affine { get; init; } = new()
    {
        Transform = TransformKind.Affine,
        ShrinkFactors = [4],
        Optimizer = new OptimizerSettings { NumberOfIterations = [60] },
    };

    /// <summary>The deformable stage; null skips it.</summary>
    public ImageRegistrationSettings? Deformable { get; init; } = new()
    {
        Transform = TransformKind.BSpline,
        ShrinkFactors = [4, 2, 1],
        GridSpacing = 12,
        GridSpacingSchedule = [4, 2, 1],
        SamplingPercentage = [1, 0.5, 0.25],
        Optimizer = new OptimizerSettings { NumberOfIterations = [80, 40, 20], MaximumStepLength = 2 },
    };

    /// <summary>Threads to use; 0 means all cores.</summary>
    public int NumberOfThreads { get; init; }
}
