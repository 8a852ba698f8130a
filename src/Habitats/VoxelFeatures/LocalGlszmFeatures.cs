using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: GLSZM features (IBSI family 9SAK, N_v = the box's voxels, as whole-region <see cref="Glszm"/>) of
/// every region voxel's kernel box: "3D" by default, zones 26-connected in the cube; "2D" zones 8-connected in the
/// voxel's in-plane square; "2.5D" 8-connected zones of each slice of the cube, merged (<see cref="LocalKernelSettings.Aggregation"/>).
/// A zone is a connected group of box voxels of one grey level; connections leaving the box do not count.
/// </summary>
/// <remarks>
/// The neighbour distance δ does not change the zones: they link adjacent voxels (Chebyshev distance 1), as whole-region
/// <see cref="Glszm"/>, IBSI 1's default (larger distances being "non-standard use") and PyRadiomics, whose GLSZM
/// builds its neighbour angles at distance 1 whatever its <c>distances</c> setting, all do.
/// A zone grows from the lowest voxel of a level's set M not yet in a zone by dilating its newest voxels by their 26
/// (in-plane: 8) neighbours within M until nothing is added (<see cref="BoxBits{T}.Dilate"/>).
/// </remarks>
public sealed class LocalGlszmFeatures(LocalTextureSettings? settings = null) : LocalLevelSetFamily(settings, Glszm.Definitions, "glszm")
{
    private protected override int Columns(int w, int voxels) => voxels;

    private protected override int Matrices() => 1;

    private protected override void Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelMatrices matrices)
    {
        var matrix = matrices[0];
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

        matrices.AddVoxels(0, levels.Voxels);
    }

    private protected override void Count(LocalGlcmFeatures.LevelGrid grid, KernelMatrices matrices, BoundingBox box)
    {
        var matrix = matrices[0];
        var size = box.Size;
        int cube = (int)size.Count, voxels = 0, first = Settings.InPlane ? 9 : 0, last = Settings.InPlane ? 18 : 27;
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

                // Offsets o = 9..17 are the slice's own 3 × 3 (8-connected zones); 0..26 all 26 neighbours.
                for (int o = first; o < last; o++)
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

        matrices.AddVoxels(0, voxels);
    }
}
