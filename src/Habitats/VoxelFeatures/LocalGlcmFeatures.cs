using Radiomics.Numerics;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: GLCM features (IBSI 3.6) of every region voxel's kernel box, with any of the six IBSI aggregations
/// (<see cref="LocalKernelSettings.Aggregation"/>, default "3D, merged"). The co-occurrence counts slide along x:
/// moving one voxel removes the pairs touching the column that leaves the box and adds those touching the column that
/// enters, instead of recounting the box; "averaged" aggregations keep one matrix per direction. Each value equals the
/// whole-region GLCM feature of the neighbourhood box with the same discretised grey levels and aggregation.
/// </summary>
public sealed class LocalGlcmFeatures : IVoxelFeature
{
    private readonly int[] _featureIndex;

    public LocalGlcmFeatures(LocalGlcmSettings? settings = null)
    {
        Settings = settings ?? new LocalGlcmSettings();
        Settings.Validate("glcm");
        if (Settings.Features is null || Settings.Features.Count == 0)
        {
            throw new ArgumentException("Choose at least one GLCM feature.", nameof(settings));
        }

        var codes = GlcmFeatures.Definitions.Select(d => d.Code).ToList();
        _featureIndex = Settings.Features.Select(code => codes.IndexOf(code) is var i && i >= 0
            ? i
            : throw new ArgumentException($"'{code}' is not the IBSI code of a GLCM feature; use one of {string.Join(", ", codes)}.", nameof(settings))).ToArray();
        ChannelNames = _featureIndex.Select(i => Settings.ChannelName("glcm", GlcmFeatures.Definitions[i].Name, directional: true)).ToArray();
        if (ChannelNames.Distinct(StringComparer.Ordinal).Count() != ChannelNames.Count)
        {
            throw new ArgumentException("A GLCM feature is listed twice.", nameof(settings));
        }
    }

    public LocalGlcmSettings Settings { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>The box kernel's half-widths (0 along z for 2D aggregations; pairs are counted inside the kernel).</summary>
    public Index3? Margin(ImageGeometry geometry) => Settings.Margin;

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        if (LocalTextureMaps.RegionBox(image, region, output) is not { } box)
        {
            return;
        }

        var grid = Discretised(image, region, box);
        int r = Settings.Radius, rz = Settings.Margin.Z, ng = grid.GreyLevels, cells = ng * ng, count = GlcmFeatures.Definitions.Count;
        var offsets = Settings.Directions.Select(o => o.Times(Settings.Distance)).ToArray();
        bool byDirection = Settings.ByDirection;
        int matrices = byDirection ? offsets.Length : 1;
        int nx = image.Geometry.Size.X, ny = image.Geometry.Size.Y;
        int done = 0, rows = box.Size.Y * box.Size.Z;
        ParallelRows.For(0, rows, Parallelism.AllCores, () => new Buffers(matrices * cells, matrices, count), (row, buffers) =>
        {
            int y = box.Min.Y + (row % box.Size.Y), z = box.Min.Z + (row / box.Size.Y);
            var window = new Window(grid, offsets, ng, byDirection, y - r, y + r, z - rz, z + rz);
            Array.Clear(buffers.Counts);
            Array.Clear(buffers.Pairs);
            bool started = false;
            for (int x = box.Min.X; x <= box.Max.X; x++)
            {
                if (!started)
                {
                    // Each column adds its pairs with the columns before it (and within itself), so every pair counts once.
                    for (int c = x - r; c <= x + r; c++)
                    {
                        window.Column(buffers, c, x - r, c, +1);
                    }

                    started = true;
                }
                else
                {
                    window.Column(buffers, x - r - 1, x - r - 1, x + r - 1, -1);
                    window.Column(buffers, x + r, x - r, x + r, +1);
                }

                int v = x + (nx * (y + (ny * z)));
                if (region.Voxels[v] == 0)
                {
                    continue;
                }

                if (byDirection)
                {
                    buffers.Average(ng);
                }
                else
                {
                    GlcmFeatures.Compute(buffers.Counts, ng, buffers.Features);
                }

                for (int c = 0; c < _featureIndex.Length; c++)
                {
                    output[c].Span[v] = (float)buffers.Features[_featureIndex[c]];
                }
            }

            if (progress is not null)
            {
                progress.Report((double)Interlocked.Increment(ref done) / rows);
            }
        });
    }

    /// <summary>Grey levels of the voxels that can enter a neighbourhood (<see cref="LocalKernelSettings.Discretised"/>).</summary>
    internal LevelGrid Discretised(Image<float> image, LabelMap region, BoundingBox box) => Settings.Discretised(image, region, box);

    /// <summary>Discretised grey levels on the image grid (0: cannot enter a neighbourhood).</summary>
    internal sealed record LevelGrid(int[] Levels, Size3 Size, int GreyLevels)
    {
        public int At(int x, int y, int z) =>
            (uint)x < (uint)Size.X && (uint)y < (uint)Size.Y && (uint)z < (uint)Size.Z ? Levels[x + (Size.X * (y + (Size.Y * z)))] : 0;
    }

    /// <summary>
    /// One thread's co-occurrence counts: one N_g × N_g block per direction ("averaged" aggregations) or one merged
    /// block, the pairs of each block, and the features.
    /// </summary>
    private sealed class Buffers(int cells, int matrices, int count)
    {
        public double[] Counts { get; } = new double[cells];

        public double[] Pairs { get; } = new double[matrices];

        public double[] Features { get; } = new double[count];

        private readonly double[] _one = new double[count];
        private readonly double[] _sum = new double[count];
        private readonly int[] _defined = new int[count];

        /// <summary>
        /// The features averaged over the directions' matrices, as whole-region "averaged" aggregation: empty matrices
        /// are left out, and a feature undefined on one matrix (NaN) is averaged over the others.
        /// </summary>
        public void Average(int ng)
        {
            int cellsPerMatrix = ng * ng;
            Array.Clear(_sum);
            Array.Clear(_defined);
            for (int d = 0; d < Pairs.Length; d++)
            {
                if (Pairs[d] == 0)
                {
                    continue;
                }

                GlcmFeatures.Compute(Counts.AsSpan(d * cellsPerMatrix, cellsPerMatrix), ng, _one);
                for (int i = 0; i < _one.Length; i++)
                {
                    if (!double.IsNaN(_one[i]))
                    {
                        _sum[i] += _one[i];
                        _defined[i]++;
                    }
                }
            }

            for (int i = 0; i < Features.Length; i++)
            {
                Features[i] = _defined[i] == 0 ? double.NaN : _sum[i] / _defined[i];
            }
        }
    }

    /// <summary>The rows [y0, y1] × [z0, z1] of the sliding box; its x extent is given per update.</summary>
    private readonly struct Window(LevelGrid grid, VoxelOffset[] offsets, int ng, bool byDirection, int y0, int y1, int z0, int z1)
    {
        /// <summary>
        /// Adds (<paramref name="sign"/> +1) or removes (−1) every co-occurring pair with an end in column
        /// <paramref name="c"/> and both ends in the box with x in [<paramref name="x0"/>, <paramref name="x1"/>]. A pair
        /// inside the column is counted once, from its first end.
        /// </summary>
        public void Column(Buffers buffers, int c, int x0, int x1, int sign)
        {
            var counts = buffers.Counts;
            int matrixStride = byDirection ? 1 : 0;
            for (int z = z0; z <= z1; z++)
            {
                for (int y = y0; y <= y1; y++)
                {
                    int a = grid.At(c, y, z);
                    if (a == 0)
                    {
                        continue;
                    }

                    for (int k = 0; k < offsets.Length; k++)
                    {
                        var d = offsets[k];
                        int m = k * matrixStride, block = m * ng * ng;
                        int qx = c + d.X, qy = y + d.Y, qz = z + d.Z;
                        if (qx >= x0 && qx <= x1 && qy >= y0 && qy <= y1 && qz >= z0 && qz <= z1 && grid.At(qx, qy, qz) is var b && b != 0)
                        {
                            counts[block + ((a - 1) * ng) + b - 1] += sign;
                            counts[block + ((b - 1) * ng) + a - 1] += sign;
                            buffers.Pairs[m] += sign;
                        }

                        qx = c - d.X;
                        qy = y - d.Y;
                        qz = z - d.Z;
                        if (qx != c && qx >= x0 && qx <= x1 && qy >= y0 && qy <= y1 && qz >= z0 && qz <= z1 && grid.At(qx, qy, qz) is var e && e != 0)
                        {
                            counts[block + ((a - 1) * ng) + e - 1] += sign;
                            counts[block + ((e - 1) * ng) + a - 1] += sign;
                            buffers.Pairs[m] += sign;
                        }
                    }
                }
            }
        }
    }
}
