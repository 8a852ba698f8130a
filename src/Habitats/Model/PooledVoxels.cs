using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.VoxelFeatures;

namespace Radiomics.Habitats.Model;

/// <summary>
/// The voxels a habitat model is fitted on, pooled from one or more scans, together with their clustering space: the
/// z-score transform fitted on them (when standardised) and the standardised rows. Standardise once, then choose k
/// with <see cref="ClusterCountSelection.Evaluate"/> on <see cref="ClusteringSpace"/> and fit with
/// <see cref="HabitatModel.FitPooled(PooledVoxels, HabitatSettings?, IProgress{double}?)"/> on the same rows.
/// </summary>
public sealed class PooledVoxels
{
    private PooledVoxels(FeatureMatrix voxels, int scans, IReadOnlyList<string> channels, StandardScaler? scaler, FeatureMatrix clusteringSpace)
    {
        Voxels = voxels;
        Scans = scans;
        Channels = channels;
        Scaler = scaler;
        ClusteringSpace = clusteringSpace;
    }

    /// <summary>The pooled voxels in feature units, one row per voxel, columns in <see cref="Channels"/> order.</summary>
    public FeatureMatrix Voxels { get; }

    /// <summary>Number of scans the voxels come from.</summary>
    public int Scans { get; }

    public IReadOnlyList<string> Channels { get; }

    /// <summary>The z-score transform fitted on <see cref="Voxels"/>, or null when the features are clustered as they are.</summary>
    public StandardScaler? Scaler { get; }

    /// <summary>The rows k-means sees: <see cref="Voxels"/> standardised by <see cref="Scaler"/> (the same matrix without one).</summary>
    public FeatureMatrix ClusteringSpace { get; }

    /// <summary>
    /// Pools the maps' region voxels as <see cref="HabitatModel.Pool"/> does (channels, voxels per scan, seed, thread
    /// count and standardisation from <paramref name="settings"/>) and standardises them once.
    /// </summary>
    public static PooledVoxels Draw(IReadOnlyList<VoxelFeatureMap> maps, HabitatSettings? settings = null)
    {
        settings ??= new HabitatSettings();
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count == 0)
        {
            throw new ArgumentException("Give at least one voxel feature map.", nameof(maps));
        }

        var channels = settings.Channels ?? maps[0].ChannelNames;
        var pooled = HabitatModel.Pool(maps, channels, settings.MaxVoxelsPerScan, settings.KMeans.Seed);
        return FromMatrix(pooled, maps.Count, channels, settings);
    }

    /// <summary>Voxels already drawn (e.g. one scan at a time with <see cref="HabitatModel.SampleVoxels"/>), standardised once.</summary>
    public static PooledVoxels FromMatrix(FeatureMatrix pooled, int scans, IReadOnlyList<string> channels, HabitatSettings? settings = null)
    {
        settings ??= new HabitatSettings();
        ArgumentNullException.ThrowIfNull(pooled);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0 || pooled.Columns != channels.Count)
        {
            throw new ArgumentException($"The pooled voxels have {pooled.Columns} columns for {channels.Count} channels.", nameof(pooled));
        }

        var scaler = settings.Standardise ? StandardScaler.Fit(pooled, settings.KMeans.MaxDegreeOfParallelism) : null;
        return new PooledVoxels(pooled, scans, [.. channels], scaler, scaler?.Transform(pooled) ?? pooled);
    }
}
