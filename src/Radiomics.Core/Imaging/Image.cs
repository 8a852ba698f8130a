using System.Runtime.InteropServices;

namespace Radiomics.Imaging;

/// <summary>
/// An image whose voxel type is known only at run time, as it comes out of a file. Voxels are stored contiguously,
/// x fastest, then y, then z; images with several components (vector fields, time series, feature maps) store each
/// component as a contiguous block ("planar"), so component <c>c</c> of voxel <c>v</c> is element <c>c·N + v</c>.
/// </summary>
public abstract class Image
{
    private protected Image(ImageGeometry geometry, int components)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        if (geometry.VoxelCount * components > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(geometry), $"{geometry.Size} × {components} components exceeds the largest array .NET can hold ({Array.MaxLength} elements).");
        }

        Geometry = geometry;
        Components = components;
    }

    public ImageGeometry Geometry { get; }

    /// <summary>Values per voxel: 1 for scalar images, 3 for displacement fields, C for feature maps.</summary>
    public int Components { get; }

    public abstract PixelType PixelType { get; }

    /// <summary>Voxels per component.</summary>
    public int VoxelCount => (int)Geometry.VoxelCount;

    /// <summary>Allocates a zero-filled image of the given voxel type.</summary>
    public static Image Create(PixelType type, ImageGeometry geometry, int components = 1) => type switch
    {
        PixelType.UInt8 => new Image<byte>(geometry, components),
        PixelType.Int8 => new Image<sbyte>(geometry, components),
        PixelType.UInt16 => new Image<ushort>(geometry, components),
        PixelType.Int16 => new Image<short>(geometry, components),
        PixelType.UInt32 => new Image<uint>(geometry, components),
        PixelType.Int32 => new Image<int>(geometry, components),
        PixelType.UInt64 => new Image<ulong>(geometry, components),
        PixelType.Int64 => new Image<long>(geometry, components),
        PixelType.Float32 => new Image<float>(geometry, components),
        PixelType.Float64 => new Image<double>(geometry, components),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The voxel buffer as bytes in machine order, for writers.</summary>
    public abstract ReadOnlySpan<byte> AsBytes();

    /// <summary>The voxel buffer as writable bytes, for the readers that fill an image they have just allocated.</summary>
    internal abstract Span<byte> WritableBytes();

    /// <summary>Converts every voxel, saturating at the limits of integer types (and truncating fractions).</summary>
    public abstract Image<TOut> ConvertTo<TOut>() where TOut : unmanaged, System.Numerics.INumber<TOut>;

    /// <summary>Smallest and largest finite value over all components; (NaN, NaN) when there is none.</summary>
    public abstract (double Min, double Max) Range();

    /// <summary>Sum of all values over all components (NaN propagates), in double precision.</summary>
    public abstract double Sum();

    /// <summary>Number of voxel values that are NaN or infinite.</summary>
    public abstract long CountNonFinite();

    /// <summary>Runs <paramref name="function"/> on this image as its own voxel type.</summary>
    public abstract TResult Apply<TResult>(IImageFunction<TResult> function);

    /// <summary>
    /// (v − <paramref name="shift"/>) · <paramref name="scale"/> of every value as a new float image, read straight from
    /// the stored voxel type (no intermediate float copy); the arithmetic is in float, with shift and scale rounded to float.
    /// </summary>
    public abstract Image<float> ToFloat(double shift = 0, double scale = 1);

    /// <summary>
    /// Approximate quantiles <paramref name="lower"/> and <paramref name="upper"/> (fractions 0..1, the sorted sample's
    /// element at ⌊q·(n − 1)⌋) of the values, from a regular subsample of every ⌈N / <paramref name="maxSamples"/>⌉-th
    /// value where <paramref name="mask"/> (same length, null: everywhere) is non-zero; (0, 0) when nothing is sampled.
    /// </summary>
    public abstract (double Lower, double Upper) SampledPercentiles(byte[]? mask, double lower, double upper, int maxSamples = 200_000);

    /// <summary>A copy on another grid of the same size (re-labelling where the voxels are, not resampling them).</summary>
    public abstract Image WithGeometry(ImageGeometry geometry);

    private protected static Span<byte> Bytes<T>(T[] data) where T : unmanaged => MemoryMarshal.AsBytes(data.AsSpan());
}
