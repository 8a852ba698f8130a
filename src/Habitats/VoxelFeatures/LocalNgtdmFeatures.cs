using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: NGTDM features (IBSI family IPET, "3D") of every region voxel's cubic neighbourhood box. A box voxel
/// counts when it has a neighbour (Chebyshev distance δ) inside the box; its neighbourhood is cut at the box's faces.
/// </summary>
public sealed class LocalNgtdmFeatures(LocalTextureSettings? settings = null) : LocalTextureFamily(settings, Ngtdm.Definitions, "ngtdm")
{
    public override void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        int delta = Settings.Distance;
        LocalTextureMaps.Run(image, region, output, progress, Settings, FeatureIndex, ng => new TextureMatrix(ng, 2),
            (grid, m, x0, x1, y0, y1, z0, z1) => Fill(grid, m, x0, x1, y0, y1, z0, z1, delta), Ngtdm.FromMatrix);
    }

    /// <summary>The NGTDM of the box: s_i in column 0, n_i in column 1.</summary>
    private static void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1, int delta)
    {
        var counts = matrix.Counts;
        for (int z = z0; z <= z1; z++)
        {
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    int level = grid.At(x, y, z);
                    if (level == 0)
                    {
                        continue;
                    }

                    double sum = 0;
                    int n = 0;
                    for (int qz = Math.Max(z0, z - delta); qz <= Math.Min(z1, z + delta); qz++)
                    {
                        for (int qy = Math.Max(y0, y - delta); qy <= Math.Min(y1, y + delta); qy++)
                        {
                            for (int qx = Math.Max(x0, x - delta); qx <= Math.Min(x1, x + delta); qx++)
                            {
                                int b = grid.At(qx, qy, qz);
                                if (b != 0 && (qx != x || qy != y || qz != z))
                                {
                                    sum += b;
                                    n++;
                                }
                            }
                        }
                    }

                    if (n > 0)
                    {
                        counts[2 * (level - 1)] += Math.Abs(level - (sum / n));
                        counts[(2 * (level - 1)) + 1]++;
                    }
                }
            }
        }
    }
}
