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
}
