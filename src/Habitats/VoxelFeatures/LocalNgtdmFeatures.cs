using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: NGTDM features (IBSI family IPET) of every region voxel's kernel box, "3D" by default
/// (<see cref="LocalKernelSettings.Aggregation"/>: "2D" and "2.5D" take in-plane neighbourhoods, over the square or the
/// cube). A box voxel counts when it has a neighbour (Chebyshev distance δ) inside the box; its neighbourhood is cut
/// at the box's faces.
/// </summary>
public sealed class LocalNgtdmFeatures(LocalTextureSettings? settings = null) : LocalTextureFamily(settings, Ngtdm.Definitions, "ngtdm")
{
    public override void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        int delta = Settings.Distance;
        bool inPlane = Settings.InPlane;
        LocalTextureMaps.Run(image, region, output, progress, Settings, FeatureIndex, ng => new TextureMatrix(ng, 2),
            (grid, m, x0, x1, y0, y1, z0, z1) => Fill(grid, m, x0, x1, y0, y1, z0, z1, delta, inPlane), Ngtdm.FromMatrix);
    }

    /// <summary>The NGTDM of the box: s_i in column 0, n_i in column 1.</summary>
    private static void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1, int delta, bool inPlane)
    {
        var visitor = new Differences(matrix.Counts);
        LocalTextureMaps.ForEachNeighbourhood(grid, x0, x1, y0, y1, z0, z1, delta, inPlane, ref visitor);
    }

    /// <summary>s_i += |i − the mean level of the neighbours| and n_i += 1 for each box voxel with neighbours.</summary>
    private struct Differences(double[] counts) : INeighbourVisitor
    {
        private int _level;
        private int _count;
        private double _sum;

        public void Voxel(int level)
        {
            _level = level;
            _count = 0;
            _sum = 0;
        }

        public void Neighbour(int level)
        {
            _sum += level;
            _count++;
        }

        public readonly void End()
        {
            if (_count > 0)
            {
                counts[2 * (_level - 1)] += Math.Abs(_level - (_sum / _count));
                counts[(2 * (_level - 1)) + 1]++;
            }
        }
    }
}
