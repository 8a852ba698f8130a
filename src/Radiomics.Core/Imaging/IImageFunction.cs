using System.Numerics;

namespace Radiomics.Imaging;

/// <summary>
/// A computation over an image whose voxel type is known only at run time, written once for every type:
/// <see cref="Image.Apply{TResult}"/> calls <see cref="Invoke{T}"/> with the image as its own <see cref="Image{T}"/>, so
/// callers need no switch over pixel types.
/// </summary>
public interface IImageFunction<out TResult>
{
    TResult Invoke<T>(Image<T> image) where T : unmanaged, INumber<T>;
}
