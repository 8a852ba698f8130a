using Radiomics.Numerics;
using System.Globalization;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// First-order statistics of every region voxel's neighbourhood (<see cref="LocalStatistic"/>), computed with a
/// window that slides along x: moving one voxel adds and removes one voxel per kernel run
/// (<see cref="StructuringElement.Rows"/>) instead of revisiting the whole kernel. Running power sums give the
/// moments, a Fenwick tree over intensity ranks gives exact order statistics, and a running histogram of discretised
/// intensities gives entropy and uniformity. Percentiles interpolate linearly between order statistics (NumPy's
/// default, as PyRadiomics).
/// </summary>
public sealed class LocalFirstOrderFeatures : IVoxelFeature
{
    public LocalFirstOrderFeatures(LocalFirstOrderSettings? settings = null)
    {
        Settings = settings ?? new LocalFirstOrderSettings();
        if (Settings.Statistics.Count == 0)
        {
            throw new ArgumentException("Choose at least one local statistic.", nameof(settings));
        }

        if (Settings.BinWidth is { } w && (!double.IsFinite(w) || w <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), w, "BinWidth must be finite and positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.BinCount, 1, nameof(settings));
        ChannelNames = Settings.Statistics.Select(s => Settings.ChannelPrefix + ChannelName(s, Settings.Kernel)).ToArray();
        if (ChannelNames.Distinct(StringComparer.Ordinal).Count() != ChannelNames.Count)
        {
            throw new ArgumentException("A statistic is listed twice.", nameof(settings));
        }
    }

    public LocalFirstOrderSettings Settings { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Channel name of a statistic for a kernel, e.g. "mean_box1vox" or "median_ball2.5mm".</summary>
    public static string ChannelName(LocalStatistic statistic, StructuringElement kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        string name = LocalStatisticNames.ShortName(statistic);
        string unit = kernel.Unit == RadiusUnit.Voxels ? "vox" : "mm";
        return string.Create(CultureInfo.InvariantCulture, $"{name}_{kernel.Shape.ToString().ToLowerInvariant()}{kernel.Radius:G4}{unit}");
    }

    /// <summary>The kernel's half-extent in voxels.</summary>
    public Index3? Margin(ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return Settings.Kernel.HalfExtent(geometry.Spacing);
    }

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        if (LocalTextureMaps.RegionBox(image, region, output) is not { } box)
        {
            return;
        }

        var plan = new SlidingPlan(image, region, Settings, box);
        int slices = box.Size.Z;
        int done = 0;
        ParallelRows.For(box.Min.Z, box.Max.Z + 1, Parallelism.AllCores, () => new SlidingWindow(plan), (z, window) =>
        {
            for (int y = box.Min.Y; y <= box.Max.Y; y++)
            {
                window.SweepRow(y, z, output);
            }

            if (progress is not null)
            {
                progress.Report((double)Interlocked.Increment(ref done) / slices);
            }
        });
    }
}
