namespace Radiomics.Habitats.Clustering;

/// <summary>Settings of <see cref="ClusterCountSelection.Evaluate"/>.</summary>
public sealed record ClusterCountSelectionSettings
{
    /// <summary>Smallest k tried (default 2).</summary>
    public int MinClusters { get; init; } = 2;

    /// <summary>Largest k tried (default 8).</summary>
    public int MaxClusters { get; init; } = 8;

    /// <summary>k-means settings for every k (its <see cref="KMeansSettings.NClusters"/> is replaced).</summary>
    public KMeansSettings KMeans { get; init; } = new();

    /// <summary>Rows used for the silhouette, which costs O(rows²) (default 5000; all rows when fewer).</summary>
    public int SilhouetteSampleSize { get; init; } = 5000;

    /// <summary>Compute each k's stability by sub-sampling with these settings (costs B k-means fits per k); not computed when null.</summary>
    public StabilitySettings? Stability { get; init; }

    /// <summary>Compute each k's gap statistic with these settings (costs B k-means fits per k); not computed when null.</summary>
    public GapSettings? Gap { get; init; }

    /// <summary>These settings with the scores <paramref name="criterion"/> needs switched on (default settings for them when not given).</summary>
    public ClusterCountSelectionSettings For(ClusterCountCriterion criterion) => criterion switch
    {
        ClusterCountCriterion.Stability => this with { Stability = Stability ?? new StabilitySettings() },
        ClusterCountCriterion.Gap => this with { Gap = Gap ?? new GapSettings() },
        _ => this,
    };
}
