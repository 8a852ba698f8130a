namespace Radiomics.Imaging;

/// <summary>
/// A segmentation on an image grid: 0 is background, 1..255 are labels (a tumour mask is a label map with label 1;
/// a habitat map uses 1..k). Immutable from the outside; use <see cref="Image"/> for the voxel values.
/// </summary>
public sealed class LabelMap
{
    private readonly Image<byte> _labels;

    public LabelMap(Image<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Components != 1)
        {
            throw new ArgumentException($"A label map has one component; got {labels.Components}.", nameof(labels));
        }

        _labels = labels;
    }

    public ImageGeometry Geometry => _labels.Geometry;

    /// <summary>The labels as an image (read-only, like every image).</summary>
    public Image<byte> Image => _labels;

    public ReadOnlySpan<byte> Voxels => _labels.Voxels;

    public byte this[int x, int y, int z] => _labels[x, y, z];

    /// <summary>
    /// Converts any image to labels. Integer images must hold values 0..255; floating-point images must hold
    /// whole numbers in that range. Anything else is an error rather than a silent rounding.
    /// </summary>
    public static LabelMap FromImage(Image image, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        string where = source is null ? "The image" : $"'{source}'";
        if (image.Components != 1)
        {
            throw new ArgumentException($"{where} has {image.Components} components; a label map needs one.", nameof(image));
        }

        if (image is Image<byte> b)
        {
            return new LabelMap(b);
        }

        var (min, max) = image.Range();
        if (image.CountNonFinite() > 0)
        {
            throw new ArgumentException($"{where} contains NaN or infinite values and cannot be a label map.", nameof(image));
        }

        if (min < 0 || max > 255)
        {
            throw new ArgumentException($"{where} has values from {min} to {max}; label maps hold labels 0..255.", nameof(image));
        }

        var d = image.ConvertTo<double>();
        var src = d.Voxels;
        var dst = new byte[image.Geometry.VoxelCount];
        for (int i = 0; i < src.Length; i++)
        {
            double v = src[i];
            if (v != Math.Floor(v))
            {
                throw new ArgumentException($"{where} has a non-integer value {v} at voxel {i}; label maps hold whole numbers.", nameof(image));
            }

            dst[i] = (byte)v;
        }

        return new LabelMap(new Image<byte>(image.Geometry, dst));
    }

    /// <summary>Label 1 where <paramref name="inside"/> holds for the voxel value, else 0.</summary>
    public static LabelMap Threshold<T>(Image<T> image, Func<T, bool> inside) where T : unmanaged, System.Numerics.INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(inside);
        var src = image.Channel(0);
        var dst = new byte[image.Geometry.VoxelCount];
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = inside(src[i]) ? (byte)1 : (byte)0;
        }

        return new LabelMap(new Image<byte>(image.Geometry, dst));
    }

    /// <summary>Number of voxels with the given label.</summary>
    public int Count(byte label)
    {
        int n = 0;
        foreach (var v in Voxels)
        {
            if (v == label)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The labels present, in increasing order, excluding background.</summary>
    public IReadOnlyList<byte> Labels()
    {
        Span<bool> seen = stackalloc bool[256];
        foreach (var v in Voxels)
        {
            seen[v] = true;
        }

        var result = new List<byte>();
        for (int l = 1; l < 256; l++)
        {
            if (seen[l])
            {
                result.Add((byte)l);
            }
        }

        return result;
    }

    /// <summary>The smallest box holding every voxel with the label (any non-zero label when null); null when none has it.</summary>
    public BoundingBox? BoundingBox(byte? label = null)
    {
        var size = Geometry.Size;
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        var v = Voxels;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    byte l = v[i];
                    if (label is { } want ? l == want : l != 0)
                    {
                        minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                        minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                        minZ = Math.Min(minZ, z); maxZ = Math.Max(maxZ, z);
                    }
                }
            }
        }

        return maxX < 0 ? null : new BoundingBox(new Index3(minX, minY, minZ), new Index3(maxX, maxY, maxZ));
    }

    /// <summary>A binary map (label 1) of the voxels carrying <paramref name="label"/>.</summary>
    public LabelMap Select(byte label)
    {
        var src = Voxels;
        var dst = new byte[Geometry.VoxelCount];
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] == label ? (byte)1 : (byte)0;
        }

        return new LabelMap(new Image<byte>(Geometry, dst));
    }

    public LabelMap Crop(BoundingBox box) => new(_labels.Crop(box));
}
