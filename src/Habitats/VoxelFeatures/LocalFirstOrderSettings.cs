using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>Settings of <see cref="LocalFirstOrderFeatures"/>.</summary>
public sealed record LocalFirstOrderSettings
{
    /// <summary>The neighbourhood of each voxel (default: 3×3×3 box, radius 1 voxel).</summary>
    public StructuringElement Kernel { get; init; } = StructuringElement.Box(1, RadiusUnit.Voxels);

    /// <summary>
    /// True (default): only region voxels enter a neighbourhood, so statistics near the border do not mix in the
    /// surrounding tissue. False: every image voxel within the kernel counts (voxels beyond the image never do).
    /// </summary>
    public bool MaskedKernel { get; init; } = true;

    /// <summary>The statistics to compute, one channel each, in this order.</summary>
    public IReadOnlyList<LocalStatistic> Statistics { get; init; } =
    [
        LocalStatistic.Mean, LocalStatistic.StandardDeviation, LocalStatistic.Skewness, LocalStatistic.Kurtosis,
        LocalStatistic.Minimum, LocalStatistic.Median, LocalStatistic.Maximum, LocalStatistic.Entropy,
    ];

    /// <summary>
    /// Number of bins of the fixed-bin-number discretisation (IBSI FBN) used by entropy and uniformity, over the
    /// intensity range of the voxels that can enter a neighbourhood (default 32). Ignored when <see cref="BinWidth"/> is set.
    /// </summary>
    public int BinCount { get; init; } = 32;

    /// <summary>Bin width of a fixed-bin-size discretisation (IBSI FBS) starting at the lowest intensity, instead of FBN.</summary>
    public double? BinWidth { get; init; }

    /// <summary>Prepended to every channel name (e.g. "t1_"), to keep names unique when several maps are stacked.</summary>
    public string ChannelPrefix { get; init; } = "";
}
