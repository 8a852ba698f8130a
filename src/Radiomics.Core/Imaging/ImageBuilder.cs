using System.Numerics;

namespace Radiomics.Imaging;

/// <summary>
/// A writable voxel buffer on a grid that becomes a read-only <see cref="Image{T}"/>: set voxels through the indexers,
/// <see cref="Voxels"/> or <see cref="Channel"/>, then call <see cref="ToImage"/>, which hands the buffer over without
/// copying. After that the builder refuses writes (so nobody keeps a writable view of the image) and
/// <see cref="ToImage"/> returns the same image again.
/// </summary>
/// <remarks>
/// For code that sets voxels one by one (tests, notebooks, phantoms). Kernels fill a <typeparamref name="T"/>[] and wrap
/// it with <see cref="Image{T}(ImageGeometry, T[], int)"/> directly.
/// </remarks>
public sealed class ImageBuilder<T> where T : unmanaged, INumber<T>
{
    private T[]? _data;
    private Image<T>? _image;

    /// <summary>A zero-filled buffer for an image on <paramref name="geometry"/>.</summary>
    public ImageBuilder(ImageGeometry geometry, int components = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        Geometry = geometry;
        Components = components;
        _data = new T[geometry.VoxelCount * components];
    }

    internal ImageBuilder(ImageGeometry geometry, T[] data, int components)
    {
        Geometry = geometry;
        Components = components;
        _data = data;
    }

    public ImageGeometry Geometry { get; }

    public int Components { get; }

    /// <summary>Voxels per component.</summary>
    public int VoxelCount => (int)Geometry.VoxelCount;

    /// <summary>All voxel values, component blocks one after the other.</summary>
    public Span<T> Voxels => Data;

    /// <summary>The values of one component, one per voxel.</summary>
    public Span<T> Channel(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, Components);
        return Data.AsSpan(component * VoxelCount, VoxelCount);
    }

    public int LinearIndex(int x, int y, int z) => x + Geometry.Size.X * (y + Geometry.Size.Y * z);

    public ref T this[int x, int y, int z] => ref Data[LinearIndex(x, y, z)];

    public ref T this[Index3 i] => ref this[i.X, i.Y, i.Z];

    public ref T this[int x, int y, int z, int component] => ref Data[component * VoxelCount + LinearIndex(x, y, z)];

    /// <summary>The image, owning this builder's buffer; the builder takes no writes afterwards.</summary>
    public Image<T> ToImage()
    {
        if (_image is null)
        {
            _image = new Image<T>(Geometry, Data, Components);
            _data = null;
        }

        return _image;
    }

    private T[] Data => _data ?? throw new InvalidOperationException("This builder has handed its voxels to an image (ToImage); start a new builder.");
}
