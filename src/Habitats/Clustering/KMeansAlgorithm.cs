namespace Radiomics.Habitats.Clustering;

/// <summary>How each k-means iteration assigns points to centres; both give the same clustering.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Hamerly (2010): one upper and one lower distance bound per point skip most distance computations;
    /// the fastest exact method for the few (≤ 50) dimensions of voxel features once k exceeds about 8. With fewer
    /// centres (two SIMD vectors: k ≤ 8 with AVX2) a row's distances to all of them cost less than keeping its bounds,
    /// so this setting then runs Lloyd's passes, which assign the same labels.</summary>
    Hamerly,

    /// <summary>Lloyd's algorithm: every point against every centre, every iteration (scikit-learn's default).</summary>
    Lloyd,
}
