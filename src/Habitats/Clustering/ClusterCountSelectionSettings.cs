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
}
