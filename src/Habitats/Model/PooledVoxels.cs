using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Workflows;

namespace Radiomics.Habitats.Model;

/// <summary>
/// The voxels a habitat model is fitted on, pooled from one or more scans, together with their clustering space: the
/// z-score transform fitted on them (when standardised) and the standardised rows. Standardise once, then choose k
/// with <see cref="ClusterCountSelection.Evaluate"/> on <see cref="ClusteringSpace"/> and fit with
/// <see cref="HabitatModel.FitPooled(PooledVoxels, HabitatSettings?, IProgress{double}?)"/> on the same rows.
/// </summary>
/// <remarks>Build one with <see cref="Draw"/> or <see cref="FromMatrix"/>, which keep <see cref="ClusteringSpace"/> the
/// scaler's transform of <see cref="Voxels"/>; the constructor takes the parts as they are.</remarks>
public sealed class PooledVoxels(
    FeatureMatrix voxels, int scans, IReadOnlyList<string> channels, StandardScaler? scaler, FeatureMatrix clusteringSpace, HabitatStrategy strategy = HabitatStrategy.OneStage)
{
    /// <summary>What the rows are: voxels (<see cref="HabitatStrategy.OneStage"/>) or supervoxel means (<see cref="HabitatStrategy.TwoStage"/>).</summary>
    public HabitatStrategy Strategy { get; } = strategy;

    /// <summary>The pooled voxels (or supervoxel means) in feature units, one row each, columns in <see cref="Channels"/> order.</summary>
    public FeatureMatrix Voxels { get; } = voxels;

    /// <summary>Number of scans the voxels come from.</summary>
    public int Scans { get; } = scans;

    public IReadOnlyList<string> Channels { get; } = channels;

    /// <summary>The z-score transform fitted on <see cref="Voxels"/>, or null when the features are clustered as they are.</summary>
    public StandardScaler? Scaler { get; } = scaler;

    /// <summary>The rows k-means sees: <see cref="Voxels"/> standardised by <see cref="Scaler"/> (the same matrix without one).</summary>
    public FeatureMatrix ClusteringSpace { get; } = clusteringSpace;

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

    /// <summary>
    /// The first stage of two-stage habitats: the scaler fitted on the voxels <see cref="Draw"/> pools, then every
    /// scan's supervoxels (<see cref="Supervoxels"/> on all its region voxels, standardised, with their positions)
    /// and their feature means pooled as rows.
    /// </summary>
    /// <param name="maps">Voxel feature maps, one per scan.</param>
    /// <param name="settings">Channels, scaler, supervoxels, seed; <see cref="KMeansSettings.NClusters"/> is the most habitats that will be fitted.</param>
    /// <param name="scanNames">Names of the scans in errors (default "scan 1", "scan 2", …).</param>
    /// <exception cref="ClusteringException">A scan has fewer supervoxels than habitats asked for (the message names the scan).</exception>
    public static PooledVoxels Supervoxels(IReadOnlyList<VoxelFeatureMap> maps, HabitatSettings? settings = null, IReadOnlyList<string>? scanNames = null)
    {
        settings ??= new HabitatSettings();
        var voxels = Draw(maps, settings);
        int k = settings.KMeans.NClusters;
        var parts = new List<FeatureMatrix>(maps.Count);
        for (int m = 0; m < maps.Count; m++)
        {
            var (region, partition) = ScanSupervoxels.Compute(maps[m], voxels.Channels, voxels.Scaler, settings);
            if (partition.Count < k)
            {
                string name = scanNames is { } names && m < names.Count ? names[m] : $"scan {m + 1}";
                throw new ClusteringException(
                    ClusteringProblem.FewerPointsThanClusters,
                    $"Scan '{name}' has {partition.Count} supervoxel(s) ({region.Length} tumour voxels, {settings.Supervoxels.Count} asked for) but {k} habitats are asked for; ask for fewer habitats or more supervoxels.",
                    nameof(maps));
            }

            parts.Add(partition.Means);
        }

        var means = Concat(parts, voxels.Channels.Count);
        return new PooledVoxels(voxels.Scaler?.InverseTransform(means) ?? means, maps.Count, voxels.Channels, voxels.Scaler, means, HabitatStrategy.TwoStage);
    }

    /// <summary>
    /// The habitat model of the best k: every k of <paramref name="minClusters"/>..<paramref name="maxClusters"/> scored on
    /// <see cref="ClusteringSpace"/> by <paramref name="criterion"/> (<see cref="ClusterCountSelection.Evaluate"/>), and the
    /// best one fitted on the same rows (<see cref="HabitatModel.FitPooled(PooledVoxels, HabitatSettings?, IProgress{double}?)"/>).
    /// A single k (<paramref name="minClusters"/> = <paramref name="maxClusters"/>) is fitted without scoring, and no selection is returned.
    /// </summary>
    /// <param name="minClusters">Smallest k.</param>
    /// <param name="maxClusters">Largest k.</param>
    /// <param name="criterion">How the best k is chosen (stability and gap are computed only when they are the criterion).</param>
    /// <param name="settings">The model's settings; its k is replaced by the chosen one.</param>
    /// <param name="progress">"Choosing k in min..max" once per k scored, then "Fitting k habitats" with the fit's fraction.</param>
    public (HabitatModel Model, ClusterCountSelection? Selection) ChooseAndFit(
        int minClusters, int maxClusters, ClusterCountCriterion criterion, HabitatSettings settings, IProgress<WorkflowProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ClusterCountSelection? selection = null;
        int k = minClusters;
        if (maxClusters > minClusters)
        {
            string choosing = $"Choosing k in {minClusters}..{maxClusters}";
            int candidates = maxClusters - minClusters + 1;
            progress?.Report(new(choosing, 0, candidates));
            selection = ClusterCountSelection.Evaluate(
                ClusteringSpace,
                new ClusterCountSelectionSettings { MinClusters = minClusters, MaxClusters = maxClusters, KMeans = settings.KMeans }.For(criterion),
                progress is null ? null : new SynchronousProgress<int>(kk => progress.Report(new(choosing, kk - minClusters + 1, candidates))));
            k = selection.Best(criterion);
        }

        string fitting = $"Fitting {k} habitats";
        progress?.Report(new(fitting, 0, 1));
        var model = HabitatModel.FitPooled(this, settings.WithClusters(k), progress is null ? null : new SynchronousProgress<double>(p => progress.Report(new(fitting, p, 1))));
        progress?.Report(new(fitting, 1, 1));
        return (model, selection);
    }

    /// <summary>The rows of <paramref name="parts"/> (each with <paramref name="columns"/> columns) one after another.</summary>
    public static FeatureMatrix Concat(IReadOnlyList<FeatureMatrix> parts, int columns)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var data = new double[parts.Sum(p => p.Values.Length)];
        int at = 0;
        foreach (var part in parts)
        {
            part.Values.CopyTo(data.AsSpan(at));
            at += part.Values.Length;
        }

        return new FeatureMatrix(data, columns);
    }
}
