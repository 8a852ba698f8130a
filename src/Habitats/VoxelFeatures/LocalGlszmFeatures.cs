using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: GLSZM features (IBSI family 9SAK, "3D": zones 26-connected, N_v = the box's voxels, as whole-region
/// <see cref="Glszm"/>) of every region voxel's cubic box. A zone is a connected group of box voxels of one grey level;
/// connections leaving the box do not count.
/// </summary>
/// <remarks>
/// A zone grows from the lowest voxel of a level's set M not yet in a zone by dilating its newest voxels by their 26
/// neighbours within M until nothing is added (<see cref="BoxBits{T}.Dilate"/>).
/// </remarks>
public sealed class LocalGlszmFeatures(LocalTextureSettings? settings = null) : LocalLevelSetFamily(settings, Glszm.Definitions, "glszm")
{
    private protected override int Columns(int w) => w * w * w;

    private protected override double Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelZoneMatrix matrix)
    {
        for (int k = 0; k < levels.Count; k++)
        {
            var rest = levels.Set(k);
            while (rest != T.Zero)
            {
                var zone = rest & (T.Zero - rest);
                var added = zone;
                while (added != T.Zero)
                {
                    added = bits.Dilate(added) & rest & ~zone;
                    zone |= added;
                }

                matrix.Add(levels.Level(k), int.CreateTruncating(T.PopCount(zone)));
                rest &= ~zone;
            }
        }

        return levels.Voxels;
    }

    private protected override double Count(LocalGlcmFeatures.LevelGrid grid, KernelZoneMatrix matrix, BoundingBox box)
    {
        var size = box.Size;
        int cube = (int)size.Count, voxels = 0;
        Span<bool> zoned = cube <= 4096 ? stackalloc bool[cube] : new bool[cube];
        Span<int> stack = cube <= 4096 ? stackalloc int[cube] : new int[cube];
        for (int start = 0; start < cube; start++)
        {
            int level = grid.At(box.Min.X + (start % size.X), box.Min.Y + (start / size.X % size.Y), box.Min.Z + (start / (size.X * size.Y)));
            if (level == 0 || zoned[start])
            {
                continue;
            }

            int zone = 0, top = 0;
            zoned[start] = true;
            stack[top++] = start;
            while (top > 0)
            {
                int p = stack[--top], px = p % size.X, py = p / size.X % size.Y, pz = p / (size.X * size.Y);
                zone++;
                for (int o = 0; o < 27; o++)
                {
                    int qx = px + (o % 3) - 1, qy = py + (o / 3 % 3) - 1, qz = pz + (o / 9) - 1, q = qx + (size.X * (qy + (size.Y * qz)));
                    if ((uint)qx < (uint)size.X && (uint)qy < (uint)size.Y && (uint)qz < (uint)size.Z && !zoned[q]
                        && grid.At(box.Min.X + qx, box.Min.Y + qy, box.Min.Z + qz) == level)
                    {
                        zoned[q] = true;
                        stack[top++] = q;
                    }
                }
            }

            matrix.Add(level, zone);
            voxels += zone;
        }

        return voxels;
    }
}
