using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// A spatial transform in physical space (LPS millimetres), in ITK's sense: it maps a point of the fixed (reference)
/// image to the corresponding point of the moving image, so resampling the moving image through it onto the fixed
/// grid aligns the two. Implementations are immutable and thread-safe.
/// </summary>
public interface ITransform
{
    /// <summary>The image of <paramref name="point"/> under the transform.</summary>
    Vec3 TransformPoint(Vec3 point);
}
