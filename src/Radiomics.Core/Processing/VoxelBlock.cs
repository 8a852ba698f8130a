using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>Copies a box of voxels out of an image as doubles (x fastest), whatever the image's voxel type.</summary>
internal static class VoxelBlock
{
    public static double[] ToDouble(Image image, BoundingBox box)
    {
        var result = new double[box.Size.Count];
        ToDouble(image, box, result);
        return result;
    }

    /// <summary>Writes the box's voxels into the first values of <paramref name="result"/>.</summary>
    public static void ToDouble(Image image, BoundingBox box, Span<double> result)
    {
        switch (image)
        {
            case Image<float> i: Copy(i, box, result); break;
            case Image<double> i: Copy(i, box, result); break;
            case Image<short> i: Copy(i, box, result); break;
            case Image<ushort> i: Copy(i, box, result); break;
            case Image<int> i: Copy(i, box, result); break;
            case Image<uint> i: Copy(i, box, result); break;
            case Image<byte> i: Copy(i, box, result); break;
            case Image<sbyte> i: Copy(i, box, result); break;
            case Image<long> i: Copy(i, box, result); break;
            case Image<ulong> i: Copy(i, box, result); break;
            default: throw new ArgumentException($"Unsupported voxel type {image.PixelType}.", nameof(image));
        }
    }

    /// <summary>1 where the label map is non-zero, else 0.</summary>
    public static double[] Mask(LabelMap mask, BoundingBox box)
    {
        var result = new double[box.Size.Count];
        Mask(mask, box, result);
        return result;
    }

    /// <summary>1 where the label map is non-zero, else 0, into the first values of <paramref name="result"/>.</summary>
    public static void Mask(LabelMap mask, BoundingBox box, Span<double> result)
    {
        var size = box.Size;
        var v = mask.Voxels;
        var full = mask.Geometry.Size;
        int o = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                int s = box.Min.X + full.X * (box.Min.Y + y + full.Y * (box.Min.Z + z));
                for (int x = 0; x < size.X; x++)
                {
                    result[o++] = v[s + x] != 0 ? 1 : 0;
                }
            }
        }
    }

    private static void Copy<T>(Image<T> image, BoundingBox box, Span<double> result) where T : unmanaged, INumber<T>
    {
        var size = box.Size;
        var v = image.Channel(0);
        var full = image.Geometry.Size;
        int o = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                var row = v.Slice(box.Min.X + full.X * (box.Min.Y + y + full.Y * (box.Min.Z + z)), size.X);
                for (int x = 0; x < row.Length; x++)
                {
                    result[o++] = double.CreateTruncating(row[x]);
                }
            }
        }
    }
}
