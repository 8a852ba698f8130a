using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>A transform of the form <c>T(x) = A·x + b</c> (translation, rigid, affine); exactly invertible.</summary>
public interface ILinearTransform : ITransform
{
    /// <summary>The equivalent affine transform.</summary>
    AffineTransform ToAffine();
}
