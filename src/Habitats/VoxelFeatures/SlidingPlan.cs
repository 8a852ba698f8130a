using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// What the sliding windows of one <see cref="LocalFirstOrderFeatures"/> run share: the work box (the voxels that can
/// enter a neighbourhood), which of them may enter, their ranks among the distinct intensities and their
/// discretised grey levels.
/// </summary>
internal sealed class SlidingPlan
{
    public SlidingPlan(Image<float> image, LabelMap region, LocalFirstOrderSettings settings, BoundingBox regionBox)
    {
        var geometry = image.Geometry;
        Region = region;
        Settings = settings;
        Size = geometry.Size;
        RegionBox = regionBox;
        Runs = settings.Kernel.Rows(geometry.Spacing).ToArray();
        MaxKernel = Runs.Sum(r => (2 * r.HalfWidth) + 1);
        Work = settings.MaskedKernel ? regionBox : regionBox.Pad(settings.Kernel.HalfExtent(geometry.Spacing), Size);
        Statistics = [.. settings.Statistics];
        NeedsOrder = Statistics.Any(s => s is LocalStatistic.Minimum or LocalStatistic.Maximum or LocalStatistic.Median
            or LocalStatistic.Percentile10 or LocalStatistic.Percentile90 or LocalStatistic.InterquartileRange or LocalStatistic.Range);
        // Small kernels keep a sorted array per window; large ones a rank tree over the intensities of the work box.
        UsesRankTree = NeedsOrder && MaxKernel > SortedWindowLimit;
        NeedsLevels = Statistics.Any(s => s is LocalStatistic.Entropy or LocalStatistic.Uniformity);

        var ws = Work.Size;
        int count = (int)ws.Count;
        Support = new bool[count];
        WorkValues = new double[count];
        var voxels = image.Channel(0);
        var mask = region.Voxels;
        int supportCount = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int z = 0, w = 0; z < ws.Z; z++)
        {
            for (int y = 0; y < ws.Y; y++)
            {
                int src = Work.Min.X + (Size.X * (Work.Min.Y + y + (Size.Y * (Work.Min.Z + z))));
                for (int x = 0; x < ws.X; x++, w++)
                {
                    double v = voxels[src + x];
                    bool inside = !settings.MaskedKernel || mask[src + x] != 0;
                    if (inside && !double.IsFinite(v))
                    {
                        throw new ArgumentException($"The image has a non-finite value ({v}) at voxel {src + x} inside the feature support.", nameof(image));
                    }

                    Support[w] = inside;
                    WorkValues[w] = v;
                    if (inside)
                    {
                        supportCount++;
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }
            }
        }

        if (UsesRankTree)
        {
            var distinct = new double[supportCount];
            int n = 0;
            for (int w = 0; w < count; w++)
            {
                if (Support[w])
                {
                    distinct[n++] = WorkValues[w];
                }
            }

            Array.Sort(distinct);
            int m = 0;
            for (int i = 0; i < distinct.Length; i++)
            {
                if (m == 0 || distinct[i] != distinct[m - 1])
                {
                    distinct[m++] = distinct[i];
                }
            }

            SortedValues = distinct[..m];
            Ranks = new int[count];
            for (int w = 0; w < count; w++)
            {
                if (Support[w])
                {
                    Ranks[w] = Array.BinarySearch(SortedValues, WorkValues[w]);
                }
            }
        }

        if (NeedsLevels)
        {
            Levels = new int[count];
            if (settings.BinWidth is { } width)
            {
                // IBSI FBS: level = ⌊(x − min) / w⌋ + 1.
                BinCount = (int)Math.Floor((max - min) / width) + 1;
                for (int w = 0; w < count; w++)
                {
                    Levels[w] = Support[w] ? (int)Math.Floor((WorkValues[w] - min) / width) + 1 : 0;
                }
            }
            else
            {
                // IBSI FBN: level = ⌊Ng (x − min) / (max − min)⌋ + 1, the maximum falling in bin Ng.
                BinCount = settings.BinCount;
                double span = max - min;
                for (int w = 0; w < count; w++)
                {
                    Levels[w] = !Support[w] ? 0
                        : span <= 0 ? 1
                        : Math.Min(BinCount, (int)Math.Floor(BinCount * (WorkValues[w] - min) / span) + 1);
                }
            }
        }
    }

    public LabelMap Region { get; }

    public LocalFirstOrderSettings Settings { get; }

    public Size3 Size { get; }

    public BoundingBox RegionBox { get; }

    /// <summary>The voxels that can enter a neighbourhood: the region's box, grown by the kernel for unmasked kernels.</summary>
    public BoundingBox Work { get; }

    public (int Dy, int Dz, int HalfWidth)[] Runs { get; }

    public int MaxKernel { get; }

    public LocalStatistic[] Statistics { get; }

    /// <summary>Largest kernel (voxels) whose order statistics use a <see cref="SortedWindow"/>.</summary>
    public const int SortedWindowLimit = 64;

    public bool NeedsOrder { get; }

    public bool UsesRankTree { get; }

    public bool NeedsLevels { get; }

    /// <summary>Per work-box voxel: may it enter a neighbourhood?</summary>
    public bool[] Support { get; }

    public double[] WorkValues { get; }

    public double[] SortedValues { get; } = [];

    public int[] Ranks { get; } = [];

    public int[] Levels { get; } = [];

    public int BinCount { get; }

    public int WorkIndex(int x, int y, int z) =>
        (x - Work.Min.X) + (Work.Size.X * ((y - Work.Min.Y) + (Work.Size.Y * (z - Work.Min.Z))));
}
