using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>Copies a box of voxels out of an image as doubles (x fastest), whatever the image's voxel type.</summary>
internal static class VoxelBlock
{
    public static double[] ToDouble(Image image, BoundingBox box) => image switch
    {
        Image<float> i => Copy(i, box),
        Image<double> i => Copy(i, box),
        Image<short> i => Copy(i, box),
        Image<ushort> i => Copy(i, box),
        Image<int> i => Copy(i, box),
        Image<uint> i => Copy(i, box),
        Image<byte> i => Copy(i, box),
        Image<sbyte> i => Copy(i, box),
        Image<long> i => Copy(i, box),
        Image<ulong> i => Copy(i, box),
        _ => throw new ArgumentException($"Unsupported voxel type {image.PixelType}.", nameof(image)),
    };

    /// <summary>1 where the label map is non-zero, else 0.</summary>
    public static double[] Mask(LabelMap mask, BoundingBox box)
    {
        var size = box.Size;
        var result = new double[size.Count];
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

        return result;
    }

    private static double[] Copy<T>(Image<T> image, BoundingBox box) where T : unmanaged, INumber<T>
    {
        var size = box.Size;
        var result = new double[size.Count];
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

        return result;
    }
}
