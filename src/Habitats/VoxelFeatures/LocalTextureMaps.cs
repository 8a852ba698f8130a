using Radiomics.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The shared loop of the local texture families that build a matrix per neighbourhood (NGTDM, NGLDM, GLRLM, GLSZM):
/// rows of the region's bounding box in parallel, scratch per thread, the family's features of each region voxel's box.
/// </summary>
internal static class LocalTextureMaps
{
    /// <summary>Fills the matrix of the box [x0, x1] × [y0, y1] × [z0, z1] (cleared by the caller).</summary>
    public delegate void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1);

    /// <summary>Writes the family's features of the kernel centred on image voxel (x, y, z) to <paramref name="features"/>.</summary>
    public delegate void Kernel<TScratch>(TScratch scratch, int x, int y, int z, Span<double> features);

    /// <summary>Channel indices of the requested IBSI codes (all when null) and their channel names.</summary>
    public static (int[] Index, string[] Names) Channels(IReadOnlyList<FeatureDefinition> definitions, LocalTextureSettings settings, string family)
    {
        settings.Validate(family);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.NgldmCoarseness, nameof(settings));
        var codes = definitions.Select(d => d.Code).ToList();
        var wanted = settings.Features ?? codes;
        var index = wanted.Select(code => codes.IndexOf(code) is var i && i >= 0
            ? i
            : throw new ArgumentException($"'{code}' is not the IBSI code of an {family.ToUpperInvariant()} feature; use one of {string.Join(", ", codes)}.", nameof(settings))).ToArray();
        bool directional = family is "glcm" or "glrlm";
        var names = index.Select(i => settings.ChannelName(family, definitions[i].Name, directional)).ToArray();
        if (index.Length == 0 || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"List each {family.ToUpperInvariant()} feature at most once, and at least one.", nameof(settings));
        }

        return (index, names);
    }

    /// <summary>Checks the arguments of <see cref="IVoxelFeature.Compute"/>; the region's bounding box, null when it is empty.</summary>
    public static BoundingBox? RegionBox(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(output);
        return region.BoundingBox();
    }

    /// <summary>The family's features of every region voxel's box, each box's matrix rebuilt by <paramref name="fill"/>.</summary>
    public static void Run(
        Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress, LocalTextureSettings settings,
        int[] featureIndex, Func<int, TextureMatrix> matrix, Fill fill, Func<TextureMatrix, double[]> features)
    {
        if (RegionBox(image, region, output) is not { } box)
        {
            return;
        }

        var grid = settings.Discretised(image, region, box);
        var k = settings.Margin;
        Sweep(region, box, output, progress, featureIndex, featureIndex.Max() + 1, () => matrix(grid.GreyLevels), (m, x, y, z, f) =>
        {
            Array.Clear(m.Counts);
            m.Voxels = 0;
            fill(grid, m, x - k.X, x + k.X, y - k.Y, y + k.Y, z - k.Z, z + k.Z);
            features(m).AsSpan(0, f.Length).CopyTo(f);
        });
    }

    /// <summary>
    /// Rows of <paramref name="box"/> in parallel with one scratch per thread: the features of each region voxel's
    /// kernel, channel c taking feature <c>featureIndex[c]</c> of <paramref name="featureCount"/>.
    /// </summary>
    public static void Sweep<TScratch>(
        LabelMap region, BoundingBox box, IReadOnlyList<Memory<float>> output, IProgress<double>? progress,
        int[] featureIndex, int featureCount, Func<TScratch> scratch, Kernel<TScratch> kernel)
    {
        int nx = region.Geometry.Size.X, ny = region.Geometry.Size.Y;
        int done = 0, rows = box.Size.Y * box.Size.Z;
        ParallelRows.For(0, rows, Parallelism.AllCores, () => (Scratch: scratch(), Features: new double[featureCount]), (row, s) =>
        {
            int y = box.Min.Y + (row % box.Size.Y), z = box.Min.Z + (row / box.Size.Y);
            for (int x = box.Min.X; x <= box.Max.X; x++)
            {
                int v = x + (nx * (y + (ny * z)));
                if (region.Voxels[v] == 0)
                {
                    continue;
                }

                kernel(s.Scratch, x, y, z, s.Features);
                for (int c = 0; c < featureIndex.Length; c++)
                {
                    output[c].Span[v] = (float)s.Features[featureIndex[c]];
                }
            }

            if (progress is not null)
            {
                progress.Report((double)Interlocked.Increment(ref done) / rows);
            }
        });
    }

    /// <summary>
    /// Every voxel with a grey level in the box [x0, x1] × [y0, y1] × [z0, z1], with the levels of its neighbours within
    /// Chebyshev distance δ inside the box (in its slice when <paramref name="inPlane"/>): the whole-region NGTDM/NGLDM
    /// neighbourhood, cut at the box's faces.
    /// </summary>
    public static void ForEachNeighbourhood<TVisitor>(LocalGlcmFeatures.LevelGrid grid, int x0, int x1, int y0, int y1, int z0, int z1, int delta, bool inPlane, ref TVisitor visitor)
        where TVisitor : struct, INeighbourVisitor
    {
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

                    visitor.Voxel(level);
                    int dz = inPlane ? 0 : delta;
                    for (int qz = Math.Max(z0, z - dz); qz <= Math.Min(z1, z + dz); qz++)
                    {
                        for (int qy = Math.Max(y0, y - delta); qy <= Math.Min(y1, y + delta); qy++)
                        {
                            for (int qx = Math.Max(x0, x - delta); qx <= Math.Min(x1, x + delta); qx++)
                            {
                                int b = grid.At(qx, qy, qz);
                                if (b != 0 && (qx != x || qy != y || qz != z))
                                {
                                    visitor.Neighbour(b);
                                }
                            }
                        }
                    }

                    visitor.End();
                }
            }
        }
    }
}

/// <summary>
/// What <see cref="LocalTextureMaps.ForEachNeighbourhood"/> does with each box voxel and its neighbours: a struct, so
/// the calls are specialised and inlined per family.
/// </summary>
internal interface INeighbourVisitor
{
    /// <summary>A box voxel of grey level <paramref name="level"/> starts.</summary>
    void Voxel(int level);

    /// <summary>One of its neighbours inside the box, of grey level <paramref name="level"/>.</summary>
    void Neighbour(int level);

    /// <summary>Its neighbours are done.</summary>
    void End();
}
