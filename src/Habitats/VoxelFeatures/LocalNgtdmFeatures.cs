using System.Globalization;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Local texture: NGTDM features (IBSI family IPET, "3D") of every region voxel's cubic neighbourhood. Each value
/// equals the whole-region NGTDM feature of the neighbourhood box with the same discretised grey levels: a voxel of
/// the box counts when it has at least one neighbour (Chebyshev distance δ) inside the box, and its neighbourhood is
/// cut at the box's faces as a whole-region NGTDM is cut at the ROI's.
/// </summary>
public sealed class LocalNgtdmFeatures : IVoxelFeature
{
    private readonly int[] _featureIndex;

    public LocalNgtdmFeatures(LocalTextureSettings? settings = null)
    {
        Settings = settings ?? new LocalTextureSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.Radius, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.Distance, 1, nameof(settings));
        ArgumentNullException.ThrowIfNull(Settings.Discretisation, nameof(settings));
        Settings.Discretisation.Validate("local NGTDM discretisation");
        var codes = Ngtdm.Definitions.Select(d => d.Code).ToList();
        var wanted = Settings.Features ?? codes;
        _featureIndex = wanted.Select(code => codes.IndexOf(code) is var i && i >= 0
            ? i
            : throw new ArgumentException($"'{code}' is not the IBSI code of an NGTDM feature; use one of {string.Join(", ", codes)}.", nameof(settings))).ToArray();
        ChannelNames = _featureIndex.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{Settings.ChannelPrefix}ngtdm_{Ngtdm.Definitions[i].Name.ToLowerInvariant().Replace(' ', '_')}_box{Settings.Radius}vox")).ToArray();
        if (_featureIndex.Length == 0 || ChannelNames.Distinct(StringComparer.Ordinal).Count() != ChannelNames.Count)
        {
            throw new ArgumentException("List each NGTDM feature at most once, and at least one.", nameof(settings));
        }
    }

    public LocalTextureSettings Settings { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(output);
        if (region.BoundingBox() is not { } box)
        {
            return;
        }

        var grid = Discretised(image, region, box);
        int r = Settings.Radius, delta = Settings.Distance, ng = grid.GreyLevels;
        int nx = image.Geometry.Size.X, ny = image.Geometry.Size.Y;
        int done = 0, rows = box.Size.Y * box.Size.Z;
        Parallel.For(0, rows, () => new TextureMatrix(ng, 2), (row, _, matrix) =>
        {
            int y = box.Min.Y + (row % box.Size.Y), z = box.Min.Z + (row / box.Size.Y);
            for (int x = box.Min.X; x <= box.Max.X; x++)
            {
                int v = x + (nx * (y + (ny * z)));
                if (region.Voxels[v] == 0)
                {
                    continue;
                }

                Fill(grid, matrix, x - r, x + r, y - r, y + r, z - r, z + r, delta);
                var features = Ngtdm.FromMatrix(matrix);
                for (int c = 0; c < _featureIndex.Length; c++)
                {
                    output[c].Span[v] = (float)features[_featureIndex[c]];
                }
            }

            if (progress is not null)
            {
                progress.Report((double)Interlocked.Increment(ref done) / rows);
            }

            return matrix;
        }, _ => { });
    }

    /// <summary>Grey levels of the voxels that can enter a neighbourhood, as for local GLCM.</summary>
    internal LocalGlcmFeatures.LevelGrid Discretised(Image<float> image, LabelMap region, BoundingBox box) =>
        new LocalGlcmFeatures(Settings.AsGlcm()).Discretised(image, region, box);

    /// <summary>The NGTDM of the box [x0, x1] × [y0, y1] × [z0, z1]: s_i in column 0, n_i in column 1.</summary>
    private static void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1, int delta)
    {
        var counts = matrix.Counts;
        Array.Clear(counts);
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
