namespace Radiomics.Habitats.Clustering;

/// <summary>Settings of <see cref="KMeans"/>, with scikit-learn's names and defaults.</summary>
public sealed record KMeansSettings
{
    /// <summary>Number of clusters k (scikit-learn <c>n_clusters</c>, default 8).</summary>
    public int NClusters { get; init; } = 8;

    /// <summary>Independent k-means++ starts; the run with the lowest inertia is kept (<c>n_init</c>, default 10).</summary>
    public int NInit { get; init; } = 10;

    /// <summary>Iteration limit of one run (<c>max_iter</c>, default 300).</summary>
    public int MaxIter { get; init; } = 300;

    /// <summary>
    /// Relative tolerance (<c>tol</c>, default 1e-4): a run stops when the summed squared centre shift of an
    /// iteration is at most <c>Tolerance</c> × the mean per-feature variance of the data, or when no label changes.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    public KMeansAlgorithm Algorithm { get; init; } = KMeansAlgorithm.Hamerly;

    /// <summary>
    /// After the restarts, continue the best one from its centres until no label changes, or until
    /// <see cref="MaxIter"/> iterations in all (default true; false gives scikit-learn's result). scikit-learn's shift
    /// tolerance can stop while the boundary points of overlapping clusters still move and the inertia still falls: on
    /// 1 000 000 × 16 features, k = 8, by 1.5e-4 (relative), which left it above ML.NET's. The extra iterations are one
    /// run's, with Hamerly's bounds, so they cost little: few points move.
    /// </summary>
    public bool ConvergeBest { get; init; } = true;

    /// <summary>Seed of the k-means++ draws (<c>random_state</c>, default 0). The same seed gives the same result
    /// whatever <see cref="MaxDegreeOfParallelism"/> is.</summary>
    public int Seed { get; init; }

    /// <summary>Threads to use; 0 (the default) means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        SettingCheck.Require(NClusters >= 1, nameof(NClusters), NClusters, "it must be at least 1");
        SettingCheck.Require(MaxDegreeOfParallelism >= 0, nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "it must be 0 (all cores) or a positive number of threads");
        SettingCheck.Require(NInit >= 1, nameof(NInit), NInit, "it must be at least 1");
        SettingCheck.Require(MaxIter >= 1, nameof(MaxIter), MaxIter, "it must be at least 1");
        SettingCheck.Require(Tolerance >= 0 && double.IsFinite(Tolerance), nameof(Tolerance), Tolerance, "it must be finite and not negative");
        SettingCheck.Require(Enum.IsDefined(Algorithm), nameof(Algorithm), Algorithm, "it must be Hamerly or Lloyd");
    }
}
