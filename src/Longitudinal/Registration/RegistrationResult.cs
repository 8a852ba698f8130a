using Radiomics.Numerics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The outcome of a registration: the transform mapping fixed physical points to moving ones (resample the moving
/// image through it onto <see cref="FixedGeometry"/> to align it), and what each level did.
/// </summary>
public sealed record RegistrationResult(
    ITransform Transform, ImageGeometry FixedGeometry, IReadOnlyList<RegistrationLevelReport> Levels, double MetricValue, TimeSpan Elapsed)
{
    /// <summary>How often the folding guard ran the deformable stage again with stronger regularisation (0: it did not fold).</summary>
    public int FoldingRetries { get; init; }

    /// <summary>The dense field <c>u(x) = T(x) − x</c> on the fixed grid (mm, LPS components).</summary>
    public Image<float> DisplacementField(Parallelism parallelism = default) =>
        Transforms.DisplacementField.Sample(Transform, FixedGeometry, parallelism);
}
