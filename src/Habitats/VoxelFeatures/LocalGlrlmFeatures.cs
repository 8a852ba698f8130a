using System.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: GLRLM features (IBSI family TP0I, as whole-region <see cref="Glrlm"/>) of every region voxel's kernel
/// box, with any of the six IBSI aggregations (<see cref="LocalKernelSettings.Aggregation"/>; default "3D, merged": the
/// run length matrices of the 13 directions summed, N_v = 13 × the box's voxels; "2D" the 4 in-plane directions in the
/// voxel's slice; "averaged" and "direction-merged" average the features of the directions' matrices). A run is a
/// maximal line of equal grey level inside the box along a direction, in steps of δ.
/// </summary>
/// <remarks>
/// With M the box voxels of one grey level and d a direction, the runs start at S = M ∖ forward(M); the runs at least
/// k long start at S ∩ C_k, where C_1 = M and C_{k+1} = M ∩ back(C_k) (voxels followed by k equal ones), so the
/// runs of length exactly k number |S ∩ C_k| − |S ∩ C_{k+1}|.
/// </remarks>
public sealed class LocalGlrlmFeatures(LocalTextureSettings? settings = null) : LocalLevelSetFamily(settings, Glrlm.Definitions, "glrlm")
{
    private protected override int Columns(int w, int voxels) => w;

    private protected override int Matrices() => Settings.Directions.Count;

    private protected override void Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelMatrices matrices)
    {
        for (int d = 0; d < bits.Directions; d++)
        {
            var matrix = matrices[d];
            for (int k = 0; k < levels.Count; k++)
            {
                int level = levels.Level(k);
                var set = levels.Set(k);
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

            matrices.AddVoxels(d, levels.Voxels);
        }
    }

    private protected override void Count(LocalGlcmFeatures.LevelGrid grid, KernelMatrices matrices, BoundingBox box)
    {
        var steps = Steps();
        for (int d = 0; d < steps.Length; d++)
        {
            var o = steps[d];
            var matrix = matrices[d];
            double voxels = 0;
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

            matrices.AddVoxels(d, voxels);
        }
    }
}
