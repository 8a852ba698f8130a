using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>Translation by a fixed vector (mm): <c>T(x) = x + t</c>.</summary>
public sealed record TranslationTransform(Vec3 Offset) : ILinearTransform
{
    public Vec3 TransformPoint(Vec3 point) => point + Offset;

    public AffineTransform ToAffine() => new(Matrix3.Identity, Offset);

    public TranslationTransform Inverse() => new(-Offset);
}
