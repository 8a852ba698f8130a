using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Something that registers a moving image onto a fixed one: our own methods and the elastix backend share it, so
/// callers (the CLI, propagation, benchmarks) can swap one for the other.
/// </summary>
public interface IImageRegistration
{
    /// <summary>Finds the transform from fixed to moving physical space.</summary>
    RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default);
}
