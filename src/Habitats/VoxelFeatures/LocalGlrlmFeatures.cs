using System.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: GLRLM features (IBSI family TP0I, "3D, merged": the run length matrices of the 13 directions summed,
/// N_v = 13 × the box's voxels, as whole-region <see cref="Glrlm"/>) of every region voxel's cubic box. A run is a
/// maximal line of equal grey level inside the box along a direction, in steps of δ.
/// </summary>
/// <remarks>
/// With M the box voxels of one grey level and d a direction, the runs start at S = M ∖ forward(M); the runs at least
/// k long start at S ∩ C_k, where C_1 = M and C_{k+1} = M ∩ back(C_k) (voxels followed by k equal ones), so the
/// runs of length exactly k number |S ∩ C_k| − |S ∩ C_{k+1}|.
/// </remarks>
public sealed class LocalGlrlmFeatures(LocalTextureSettings? settings = null) : LocalLevelSetFamily(settings, Glrlm.Definitions, "glrlm")
{
    private protected override int Columns(int w) => w;

    private protected override double Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelZoneMatrix matrix)
    {
        for (int k = 0; k < levels.Count; k++)
        {
            int level = levels.Level(k);
            var set = levels.Set(k);
            for (int d = 0; d < bits.Directions; d++)
            {
                var starts = set & ~bits.Forward(set, d);
                var longer = set;
                int atLeast = int.CreateTruncating(T.PopCount(starts));
                for (int length = 1; atLeast > 0; length++)
                {
                    longer = set & bits.Back(longer, d);
                    int next = int.CreateTruncating(T.PopCount(starts & longer));
                    if (atLeast > next)
                    {
                        matrix.Add(level, length, atLeast - next);
                    }

                    atLeast = next;
                }
            }
        }

        return bits.Directions * levels.Voxels;
    }

    private protected override double Count(LocalGlcmFeatures.LevelGrid grid, KernelZoneMatrix matrix, BoundingBox box)
    {
        double voxels = 0;
        foreach (var direction in TextureDirections.Volumetric)
        {
            var o = direction.Times(Settings.Distance);
            for (int z = box.Min.Z; z <= box.Max.Z; z++)
            {
                for (int y = box.Min.Y; y <= box.Max.Y; y++)
                {
                    for (int x = box.Min.X; x <= box.Max.X; x++)
                    {
                        int level = grid.At(x, y, z);
                        if (level == 0 || (box.Contains(x - o.X, y - o.Y, z - o.Z) && grid.At(x - o.X, y - o.Y, z - o.Z) == level))
                        {
                            continue;
                        }

                        int length = 1;
                        while (box.Contains(x + (length * o.X), y + (length * o.Y), z + (length * o.Z))
                            && grid.At(x + (length * o.X), y + (length * o.Y), z + (length * o.Z)) == level)
                        {
                            length++;
                        }

                        matrix.Add(level, length);
                        voxels += length;
                    }
                }
            }
        }

        return voxels;
    }
}
