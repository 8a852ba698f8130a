namespace Radiomics.Habitats.Clustering;

/// <summary>How each k-means iteration assigns points to centres; both give the same clustering.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Hamerly (2010): one upper and one lower distance bound per point skip most distance computations;
    /// the fastest exact method for the few (≤ 50) dimensions of voxel features.</summary>
    Hamerly,

    /// <summary>Lloyd's algorithm: every point against every centre, every iteration (scikit-learn's default).</summary>
    Lloyd,
}
