using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: NGLDM features (IBSI family REK0, "3D"; PyRadiomics' GLDM) of every region voxel's cubic
/// neighbourhood. Each value equals the whole-region NGLDM feature of the neighbourhood box with the same discretised
/// grey levels: a box voxel's dependence is 1 plus its neighbours within Chebyshev distance δ inside the box whose
/// level differs by at most the coarseness α.
/// </summary>
public sealed class LocalNgldmFeatures : IVoxelFeature
{
    private readonly int[] _featureIndex;

    public LocalNgldmFeatures(LocalTextureSettings? settings = null)
    {
        Settings = settings ?? new LocalTextureSettings();
        (_featureIndex, var names) = LocalTextureMaps.Channels(Ngldm.Definitions, Settings, "ngldm");
        ChannelNames = names;
    }

    public LocalTextureSettings Settings { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>The box kernel's radius along every axis (neighbours outside the kernel never enter).</summary>
    public Index3? Margin(ImageGeometry geometry) => new Index3(Settings.Radius, Settings.Radius, Settings.Radius);

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        int delta = Settings.Distance, alpha = Settings.NgldmCoarseness;
        int most = ((2 * delta) + 1) * ((2 * delta) + 1) * ((2 * delta) + 1);
        LocalTextureMaps.Run(image, region, output, progress, Settings, _featureIndex, ng => new TextureMatrix(ng, most),
            (grid, m, x0, x1, y0, y1, z0, z1) => Fill(grid, m, x0, x1, y0, y1, z0, z1, delta, alpha),
            Ngldm.FromMatrix);
    }

    /// <summary>Grey levels of the voxels that can enter a neighbourhood, as for local GLCM.</summary>
    internal LocalGlcmFeatures.LevelGrid Discretised(Image<float> image, LabelMap region, BoundingBox box) =>
        new LocalGlcmFeatures(Settings.AsGlcm()).Discretised(image, region, box);

    /// <summary>The NGLDM of the box: row = grey level − 1, column = dependence − 1; Voxels = the box's region voxels.</summary>
    private static void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1, int delta, int alpha)
    {
        var counts = matrix.Counts;
        int columns = matrix.Columns, voxels = 0;
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

                    voxels++;
                    int dependence = 1;
                    for (int qz = Math.Max(z0, z - delta); qz <= Math.Min(z1, z + delta); qz++)
                    {
                        for (int qy = Math.Max(y0, y - delta); qy <= Math.Min(y1, y + delta); qy++)
                        {
                            for (int qx = Math.Max(x0, x - delta); qx <= Math.Min(x1, x + delta); qx++)
                            {
                                int b = grid.At(qx, qy, qz);
                                if (b != 0 && (qx != x || qy != y || qz != z) && Math.Abs(b - level) <= alpha)
                                {
                                    dependence++;
                                }
                            }
                        }
                    }

                    counts[((level - 1) * columns) + dependence - 1]++;
                }
            }
        }

        matrix.Voxels = voxels;
    }
}
