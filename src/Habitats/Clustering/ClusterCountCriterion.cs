namespace Radiomics.Habitats.Clustering;

/// <summary>How <see cref="ClusterCountSelection"/> picks the number of clusters.</summary>
public enum ClusterCountCriterion
{
    /// <summary>Highest mean silhouette (on a seeded sample).</summary>
    Silhouette,

    /// <summary>Highest Calinski–Harabasz index.</summary>
    CalinskiHarabasz,

    /// <summary>Lowest Davies–Bouldin index.</summary>
    DaviesBouldin,

    /// <summary>The knee of the inertia curve (largest distance below the chord of the normalised curve).</summary>
    Elbow,

    /// <summary>
    /// The smallest k whose stability (mean pairwise ARI of k-means on sub-samples) is within
    /// <see cref="StabilitySettings.Tolerance"/> of the highest. Needs
    /// <see cref="ClusterCountSelectionSettings.Stability"/>.
    /// </summary>
    Stability,

    /// <summary>
    /// Tibshirani's rule on the gap statistic: the smallest k with Gap(k) ≥ Gap(k + 1) − s(k + 1); the largest k tried
    /// when none qualifies. Needs <see cref="ClusterCountSelectionSettings.Gap"/>.
    /// </summary>
    Gap,
}
