using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>The fixed image (with its optional mask) and the moving image at one pyramid level.</summary>
internal sealed class LevelImages
{
    private readonly Dictionary<int, long> _counts = [];

    public LevelImages(Image<float> fixedImage, byte[]? fixedMask, Image<float> movingImage)
    {
        Fixed = fixedImage;
        FixedMask = fixedMask;
        Moving = movingImage;
        long count = 0;
        if (fixedMask is null)
        {
            count = fixedImage.VoxelCount;
        }
        else
        {
            foreach (var m in fixedMask)
            {
                count += m != 0 ? 1 : 0;
            }
        }

        SampleCount = count;
        FixedRange = Range(fixedImage, fixedMask);
        MovingRange = Range(movingImage, null);
    }

    public Image<float> Fixed { get; }

    /// <summary>
    /// First sampled x of row (y, z) for a regular sampling lattice of one voxel in <paramref name="stride"/>: the offset
    /// shifts from row to row and slice to slice so the samples do not line up in columns.
    /// </summary>
    public static int LatticeStart(int y, int z, int stride) => stride == 1 ? 0 : (stride - (y * 3 + z * 7) % stride) % stride;

    /// <summary>Number of (masked) voxels on the sampling lattice with <paramref name="stride"/>.</summary>
    public long CountSamples(int stride)
    {
        if (stride == 1)
        {
            return SampleCount;
        }

        lock (_counts)
        {
            if (_counts.TryGetValue(stride, out long n))
            {
                return n;
            }

            var size = Fixed.Geometry.Size;
            for (int z = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    int row = (z * size.Y + y) * size.X;
                    for (int x = LatticeStart(y, z, stride); x < size.X; x += stride)
                    {
                        n += FixedMask is null || FixedMask[row + x] != 0 ? 1 : 0;
                    }
                }
            }

            _counts[stride] = n;
            return n;
        }
    }

    /// <summary>Non-zero where the fixed image counts; null for the whole image.</summary>
    public byte[]? FixedMask { get; }

    public Image<float> Moving { get; }

    public long SampleCount { get; }

    public (double Min, double Max) FixedRange { get; }

    public (double Min, double Max) MovingRange { get; }

    private static (double Min, double Max) Range(Image<float> image, byte[]? mask)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var v = image.Voxels;
        for (int i = 0; i < v.Length; i++)
        {
            if (mask is null || mask[i] != 0)
            {
                min = Math.Min(min, v[i]);
                max = Math.Max(max, v[i]);
            }
        }

        return min <= max ? (min, max) : (0, 1);
    }
}
