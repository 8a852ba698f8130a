using System.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: NGLDM features (IBSI family REK0; PyRadiomics' GLDM) of every region voxel's kernel box, "3D" by
/// default (<see cref="LocalKernelSettings.Aggregation"/>: "2D" takes the in-plane square and in-plane neighbours,
/// "2.5D" the cube with in-plane neighbours). A box voxel's dependence is 1 plus its box neighbours within Chebyshev
/// distance δ whose level differs by at most α.
/// </summary>
public sealed class LocalNgldmFeatures(LocalTextureSettings? settings = null) : LocalTextureFamily(settings, Ngldm.Definitions, "ngldm")
{
    public override void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        if (Settings.Distance == 1)
        {
            ComputeAdjacent(image, region, output, progress);
            return;
        }

        int delta = Settings.Distance, alpha = Settings.NgldmCoarseness;
        bool inPlane = Settings.InPlane;
        int most = ((2 * delta) + 1) * ((2 * delta) + 1) * ((2 * delta) + 1);
        LocalTextureMaps.Run(image, region, output, progress, Settings, FeatureIndex, ng => new TextureMatrix(ng, most),
            (grid, m, x0, x1, y0, y1, z0, z1) => Fill(grid, m, x0, x1, y0, y1, z0, z1, delta, alpha, inPlane),
            Ngldm.FromMatrix);
    }

    /// <summary>
    /// δ = 1, the usual case, without rescanning neighbours per kernel: every voxel's 26 neighbours are judged once
    /// (bit o set when neighbour o has a level within α of the voxel's), and a voxel's dependence inside a kernel box is
    /// 1 + the set bits that stay inside the box (a mask per position in the box). The matrix of each kernel is kept
    /// sparse (<see cref="KernelZoneMatrix"/>). Same values as the generic path (the tests compare both with the
    /// whole-region NGLDM).
    /// </summary>
    private void ComputeAdjacent(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        if (LocalTextureMaps.RegionBox(image, region, output) is not { } box)
        {
            return;
        }

        var grid = Discretised(image, region, box);
        var levels = grid.Levels;
        int r = Settings.Radius, alpha = Settings.NgldmCoarseness, w = (2 * r) + 1, rz = Settings.Margin.Z, wz = (2 * rz) + 1;
        bool inPlane = Settings.InPlane;
        var size = image.Geometry.Size;
        int nx = size.X, ny = size.Y, nz = size.Z;
        var padded = box.Pad(Settings.Margin, size);
        var dependent = new uint[size.Count];
        for (int z = padded.Min.Z; z <= padded.Max.Z; z++)
        {
            for (int y = padded.Min.Y; y <= padded.Max.Y; y++)
            {
                for (int x = padded.Min.X; x <= padded.Max.X; x++)
                {
                    int v = x + (nx * (y + (ny * z)));
                    int level = levels[v];
                    if (level == 0)
                    {
                        continue;
                    }

                    uint bits = 0;
                    for (int o = 0; o < 27; o++)
                    {
                        int b = grid.At(x + (o % 3) - 1, y + (o / 3 % 3) - 1, z + (o / 9) - 1);
                        if (o != 13 && b != 0 && Math.Abs(b - level) <= alpha && (!inPlane || o / 9 == 1))
                        {
                            bits |= 1u << o;
                        }
                    }

                    dependent[v] = bits;
                }
            }
        }

        // inside[p]: the neighbour offsets that stay in the kernel box (w × w × wz) from position p of the box.
        var inside = new uint[w * w * wz];
        for (int p = 0; p < inside.Length; p++)
        {
            int px = p % w, py = p / w % w, pz = p / (w * w);
            for (int o = 0; o < 27; o++)
            {
                int qx = px + (o % 3) - 1, qy = py + (o / 3 % 3) - 1, qz = pz + (o / 9) - 1;
                if (qx >= 0 && qx < w && qy >= 0 && qy < w && qz >= 0 && qz < wz)
                {
                    inside[p] |= 1u << o;
                }
            }
        }

        LocalTextureMaps.Sweep(region, box, output, progress, FeatureIndex, KernelZoneMatrix.FeatureCount, () => new KernelZoneMatrix(grid.GreyLevels, 27, w * w * wz), (matrix, x, y, z, features) =>
        {
            int voxels = 0;
            for (int kz = 0; kz < wz; kz++)
            {
                int qz = z - rz + kz;
                if ((uint)qz >= (uint)nz)
                {
                    continue;
                }

                for (int ky = 0; ky < w; ky++)
                {
                    int qy = y - r + ky;
                    if ((uint)qy >= (uint)ny)
                    {
                        continue;
                    }

                    for (int kx = 0; kx < w; kx++)
                    {
                        int qx = x - r + kx;
                        if ((uint)qx >= (uint)nx)
                        {
                            continue;
                        }

                        int q = qx + (nx * (qy + (ny * qz)));
                        int level = levels[q];
                        if (level != 0)
                        {
                            voxels++;
                            matrix.Add(level, 1 + BitOperations.PopCount(dependent[q] & inside[kx + (w * (ky + (w * kz)))]));
                        }
                    }
                }
            }

            matrix.ComputeAndClear(voxels, features);
        });
    }

    /// <summary>The NGLDM of the box: row = grey level − 1, column = dependence − 1; Voxels = the box's region voxels.</summary>
    private static void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1, int delta, int alpha, bool inPlane)
    {
        var visitor = new Dependences(matrix.Counts, matrix.Columns, alpha);
        LocalTextureMaps.ForEachNeighbourhood(grid, x0, x1, y0, y1, z0, z1, delta, inPlane, ref visitor);
        matrix.Voxels = visitor.Voxels;
    }

    /// <summary>The dependence of each box voxel: 1 + its neighbours whose level differs by at most α.</summary>
    private struct Dependences(double[] counts, int columns, int alpha) : INeighbourVisitor
    {
        private int _level;
        private int _dependence;

        public int Voxels { get; private set; }

        public void Voxel(int level)
        {
            _level = level;
            _dependence = 1;
            Voxels++;
        }

        public void Neighbour(int level) => _dependence += Math.Abs(level - _level) <= alpha ? 1 : 0;

        public readonly void End() => counts[((_level - 1) * columns) + _dependence - 1]++;
    }
}
