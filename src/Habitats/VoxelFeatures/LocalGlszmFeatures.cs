using Radiomics.Features.Texture;

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

    private protected override void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1)
    {
        int wx = x1 - x0 + 1, wy = y1 - y0 + 1, wz = z1 - z0 + 1, cube = wx * wy * wz;
        Span<bool> zoned = cube <= 4096 ? stackalloc bool[cube] : new bool[cube];
        Span<int> stack = cube <= 4096 ? stackalloc int[cube] : new int[cube];
        for (int start = 0; start < cube; start++)
        {
            int level = grid.At(x0 + (start % wx), y0 + (start / wx % wy), z0 + (start / (wx * wy)));
            if (level == 0 || zoned[start])
            {
                continue;
            }

            int size = 0, top = 0;
            zoned[start] = true;
            stack[top++] = start;
            while (top > 0)
            {
                int p = stack[--top], px = p % wx, py = p / wx % wy, pz = p / (wx * wy);
                size++;
                for (int o = 0; o < 27; o++)
                {
                    int qx = px + (o % 3) - 1, qy = py + (o / 3 % 3) - 1, qz = pz + (o / 9) - 1, q = qx + (wx * (qy + (wy * qz)));
                    if ((uint)qx < (uint)wx && (uint)qy < (uint)wy && (uint)qz < (uint)wz && !zoned[q] && grid.At(x0 + qx, y0 + qy, z0 + qz) == level)
                    {
                        zoned[q] = true;
                        stack[top++] = q;
                    }
                }
            }

            matrix.Counts[((level - 1) * matrix.Columns) + size - 1]++;
            matrix.Voxels += size;
        }
    }
}
