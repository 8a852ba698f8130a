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
        Optimiser = new OptimiserSettings { NumberOfIterations = [60] },
    };

    /// <summary>The deformable stage; null skips it.</summary>
    public ImageRegistrationSettings? Deformable { get; init; } = new()
    {
        Transform = TransformKind.BSpline,
        ShrinkFactors = [4, 2, 1],
        GridSpacing = 12,
        GridSpacingSchedule = [4, 2, 1],
        SamplingPercentage = [1, 0.5, 0.25],
        MinimumSamples = 65_536,
        Optimiser = new OptimiserSettings { NumberOfIterations = [80, 40, 20], MaximumStepLength = 2 },
    };

    /// <summary>
    /// The dense refinement after the deformable stage (local correlation, composed smooth steps); null (the default)
    /// skips it. It places the edges a B-spline grid smooths over, which the Jacobian volume change of a shrinking or
    /// growing tumour needs (<see cref="ForVolumeChange"/>).
    /// </summary>
    public DenseRefinementSettings? Dense { get; init; }

    /// <summary>
    /// The defaults with the dense refinement on: for measuring volume change by the Jacobian determinant (a study's
    /// registration), where the tumour boundary must be placed to a fraction of a voxel.
    /// </summary>
    public static DeformableRegistrationSettings ForVolumeChange => new() { Dense = new DenseRefinementSettings() };

    /// <summary>
    /// Folding guard: when the deformable stage's transform folds (det J ≤ 0 anywhere on a check grid of a quarter of
    /// the final control-point spacing), the stage is run again from the affine result with its bending-energy weight
    /// multiplied by <see cref="FoldingRegularisationFactor"/>, at most this many times. 0 turns the guard off.
    /// </summary>
    public int FoldingRetries { get; init; } = 3;

    /// <summary>How much stronger the bending-energy weight of each folding-guard retry is (a weight of 0 becomes 0.01).</summary>
    public double FoldingRegularisationFactor { get; init; } = 4;

    /// <summary>Threads to use; 0 means all cores.</summary>
    public int NumberOfThreads { get; init; }
}
