using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Radiomics.Numerics;

namespace Radiomics.Imaging;

/// <summary>An image with voxel type <typeparamref name="T"/> on a grid in physical space.</summary>
/// <remarks>
/// An image is read-only once built: <see cref="Voxels"/>, <see cref="Channel"/> and <see cref="VoxelMemory"/> are
/// read-only views and the indexers only read, so algorithms never change an image they are given. Two ways to build
/// one: kernels fill a <typeparamref name="T"/>[] (component blocks one after the other, x fastest) and wrap it with
/// <see cref="Image{T}(ImageGeometry, T[], int)"/>, which takes ownership without copying; code that sets voxels one
/// at a time (tests, notebooks, phantoms) uses an <see cref="ImageBuilder{T}"/> (<c>new ImageBuilder&lt;T&gt;(geometry)</c>,
/// or <see cref="ToBuilder"/> for a copy to change) and calls <see cref="ImageBuilder{T}.ToImage"/>.
/// </remarks>
public sealed class Image<T> : Image where T : unmanaged, INumber<T>
{
    private readonly T[] _data;

    /// <summary>A zero-filled image.</summary>
    public Image(ImageGeometry geometry, int components = 1)
        : base(geometry, components)
    {
        _data = new T[geometry.VoxelCount * components];
    }

    /// <summary>Wraps <paramref name="data"/> (not copied; the image owns it from now on).</summary>
    public Image(ImageGeometry geometry, T[] data, int components = 1)
        : base(geometry, components)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != geometry.VoxelCount * components)
        {
            throw new ArgumentException(
                $"The buffer has {data.LongLength} values; a {geometry.Size} image with {components} component(s) needs {geometry.VoxelCount * components}.",
                nameof(data));
        }

        _data = data;
    }

    public override PixelType PixelType => PixelTypes.Of<T>();

    /// <summary>All voxel values, component blocks one after the other.</summary>
    public ReadOnlySpan<T> Voxels => _data;

    /// <summary>The voxel storage as read-only memory (not a copy), for parallel loops: a lambda cannot capture a span.</summary>
    public ReadOnlyMemory<T> VoxelMemory => _data;

    /// <summary>The values of one component, one per voxel.</summary>
    public ReadOnlySpan<T> Channel(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, Components);
        return _data.AsSpan(component * VoxelCount, VoxelCount);
    }

    public int LinearIndex(int x, int y, int z) => x + Geometry.Size.X * (y + Geometry.Size.Y * z);

    public T this[int x, int y, int z] => _data[LinearIndex(x, y, z)];

    public T this[Index3 i] => _data[LinearIndex(i.X, i.Y, i.Z)];

    public T this[int x, int y, int z, int component] => _data[component * VoxelCount + LinearIndex(x, y, z)];

    /// <summary>A zero-filled image on the same grid.</summary>
    public static Image<T> Like(Image other, int? components = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Image<T>(other.Geometry, components ?? other.Components);
    }

    public Image<T> Clone() => new(Geometry, (T[])_data.Clone(), Components);

    /// <summary>A builder holding a copy of the voxels, for an image that differs from this one in a few voxels.</summary>
    public ImageBuilder<T> ToBuilder() => new(Geometry, (T[])_data.Clone(), Components);

    public override ReadOnlySpan<byte> AsBytes() => Bytes(_data);

    /// <summary>The buffer, writable: only for code in this library finishing an image it has just allocated.</summary>
    internal Span<T> WritableVoxels => _data;

    internal override Span<byte> WritableBytes() => Bytes(_data);

    /// <remarks>Converting to the image's own type returns the image itself: images are read-only, so no copy is needed.</remarks>
    public override Image<TOut> ConvertTo<TOut>()
    {
        if (typeof(TOut) == typeof(T))
        {
            return (Image<TOut>)(object)this;
        }

        var result = new TOut[_data.Length];
        TensorPrimitives.ConvertSaturating<T, TOut>(_data, result);
        return new Image<TOut>(Geometry, result, Components);
    }

    public override TResult Apply<TResult>(IImageFunction<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.Invoke(this);
    }

    public override Image<float> ToFloat(double shift = 0, double scale = 1)
    {
        float s = (float)scale, o = (float)shift;
        var result = new float[_data.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float.CreateTruncating(_data[i]) - o) * s;
        }

        return new Image<float>(Geometry, result, Components);
    }

    public override (double Lower, double Upper) SampledPercentiles(byte[]? mask, double lower, double upper, int maxSamples = 200_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 1);
        if (mask is not null && mask.Length != _data.Length)
        {
            throw new ArgumentException($"The mask has {mask.Length} values; the image has {_data.Length}.", nameof(mask));
        }

        int step = Math.Max(1, _data.Length / maxSamples);
        var sample = new List<float>((_data.Length / step) + 1);
        for (int i = 0; i < _data.Length; i += step)
        {
            if (mask is null || mask[i] != 0)
            {
                sample.Add(float.CreateTruncating(_data[i]));
            }
        }

        if (sample.Count == 0)
        {
            return (0, 0);
        }

        // Two selections instead of a sort: the same order statistics in linear time.
        var values = CollectionsMarshal.AsSpan(sample);
        int lowerRank = (int)(lower * (sample.Count - 1)), upperRank = (int)(upper * (sample.Count - 1));
        float lowerValue = OrderStatistics.Select(values, lowerRank);
        float upperValue = upperRank >= lowerRank
            ? OrderStatistics.Select(values[lowerRank..], upperRank - lowerRank)
            : OrderStatistics.Select(values[..lowerRank], upperRank);
        return (lowerValue, upperValue);
    }

    public override (double Min, double Max) Range()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        if (typeof(T) == typeof(float) || typeof(T) == typeof(double))
        {
            foreach (var v in _data)
            {
                double d = double.CreateTruncating(v);
                if (double.IsFinite(d))
                {
                    min = Math.Min(min, d);
                    max = Math.Max(max, d);
                }
            }
        }
        else
        {
            min = double.CreateTruncating(TensorPrimitives.Min<T>(_data));
            max = double.CreateTruncating(TensorPrimitives.Max<T>(_data));
        }

        return min > max ? (double.NaN, double.NaN) : (min, max);
    }

    public override double Sum()
    {
        double sum = 0;
        foreach (var v in _data)
        {
            sum += double.CreateTruncating(v);
        }

        return sum;
    }

    public override long CountNonFinite()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            return 0;
        }

        long n = 0;
        foreach (var v in _data)
        {
            if (!T.IsFinite(v))
            {
                n++;
            }
        }

        return n;
    }

    public override Image<T> WithGeometry(ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.Size != Geometry.Size)
        {
            throw new ArgumentException($"A new geometry must keep the size {Geometry.Size}; got {geometry.Size}.", nameof(geometry));
        }

        return new Image<T>(geometry, (T[])_data.Clone(), Components);
    }

    /// <summary>The voxels inside <paramref name="box"/> as a new image whose geometry keeps them at the same physical place.</summary>
    public Image<T> Crop(BoundingBox box)
    {
        var geometry = Geometry.Crop(box);
        var size = box.Size;
        int n = (int)geometry.VoxelCount;
        var data = new T[n * Components];
        for (int c = 0; c < Components; c++)
        {
            var src = Channel(c);
            var dst = data.AsSpan(c * n, n);
            for (int z = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    src.Slice(LinearIndex(box.Min.X, box.Min.Y + y, box.Min.Z + z), size.X)
                        .CopyTo(dst.Slice(size.X * (y + size.Y * z), size.X));
                }
            }
        }

        return new Image<T>(geometry, data, Components);
    }

    /// <summary>
    /// A copy of this image with <paramref name="patch"/> written over the voxels it covers. The patch's place is
    /// found from its geometry: it must be a sub-grid of this image (same spacing and direction, e.g. from
    /// <see cref="Crop"/>).
    /// </summary>
    public Image<T> Paste(Image<T> patch)
    {
        var box = PatchBox(patch, Geometry, Components);
        var data = (T[])_data.Clone();
        CopyPatch(patch, box.Min, data, Geometry.Size);
        return new Image<T>(Geometry, data, Components);
    }

    /// <summary>
    /// <paramref name="patch"/> on the larger <paramref name="grid"/>, zero elsewhere: the patch pasted on a
    /// zero-filled image, in one buffer (a zero image then <see cref="Paste"/> would hold two of the grid's size).
    /// </summary>
    public static Image<T> OnGrid(ImageGeometry grid, Image<T> patch)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var box = PatchBox(patch, grid, patch.Components);
        var data = new T[grid.VoxelCount * patch.Components];
        CopyPatch(patch, box.Min, data, grid.Size);
        return new Image<T>(grid, data, patch.Components);
    }

    private static BoundingBox PatchBox(Image<T> patch, ImageGeometry grid, int components)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Components != components)
        {
            throw new ArgumentException($"The patch has {patch.Components} components; this image has {components}.", nameof(patch));
        }

        var offset = patch.Geometry.OffsetIn(grid)
            ?? throw new GeometryMismatchException("Paste: the patch is not on this image's grid", grid, patch.Geometry);
        var size = patch.Geometry.Size;
        var box = new BoundingBox(offset, new Index3(offset.X + size.X - 1, offset.Y + size.Y - 1, offset.Z + size.Z - 1));
        return box.IsInside(grid.Size)
            ? box
            : throw new ArgumentOutOfRangeException(nameof(patch), $"The patch covers voxels {box}, outside the image of size {grid.Size}.");
    }

    /// <summary>Copies every component of <paramref name="patch"/> into <paramref name="data"/>, laid out on a grid of <paramref name="gridSize"/>, at <paramref name="offset"/>.</summary>
    private static void CopyPatch(Image<T> patch, Index3 offset, T[] data, Size3 gridSize)
    {
        var size = patch.Geometry.Size;
        int count = (int)gridSize.Count;
        for (int c = 0; c < patch.Components; c++)
        {
            var src = patch.Channel(c);
            var dst = data.AsSpan(c * count, count);
            for (int z = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    int row = offset.X + (gridSize.X * (offset.Y + y + (gridSize.Y * (offset.Z + z))));
                    src.Slice(size.X * (y + (size.Y * z)), size.X).CopyTo(dst.Slice(row, size.X));
                }
            }
        }
    }
}
