namespace Radiomics.Habitats.Clustering;

/// <summary>Settings of <see cref="MiniBatchKMeans"/>, with scikit-learn's names and defaults.</summary>
public sealed record MiniBatchKMeansSettings
{
    /// <summary>Number of clusters k (<c>n_clusters</c>, default 8).</summary>
    public int NClusters { get; init; } = 8;

    /// <summary>Rows per mini-batch (<c>batch_size</c>, default 1024).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Passes over the data, counted in batches of <see cref="BatchSize"/> (<c>max_iter</c>, default 100).</summary>
    public int MaxIter { get; init; } = 100;

    /// <summary>Stop when the summed squared centre shift of a step is at most this × the mean feature variance
    /// (<c>tol</c>, default 0: off).</summary>
    public double Tolerance { get; init; }

    /// <summary>Stop after this many steps without improvement of the smoothed batch inertia (<c>max_no_improvement</c>, default 10).</summary>
    public int MaxNoImprovement { get; init; } = 10;

    /// <summary>Rows drawn for each k-means++ initialisation and for the validation set that ranks them
    /// (<c>init_size</c>; default 3 × <see cref="BatchSize"/>, at least 3k).</summary>
    public int? InitSize { get; init; }

    /// <summary>k-means++ initialisations tried on the init sample; the best on the validation set is used (<c>n_init</c>, default 3).</summary>
    public int NInit { get; init; } = 3;

    /// <summary>Centres whose accumulated count is below this fraction of the largest are re-seeded with batch points
    /// (<c>reassignment_ratio</c>, default 0.01).</summary>
    public double ReassignmentRatio { get; init; } = 0.01;

    public int Seed { get; init; }

    /// <summary>Threads for the final labelling pass; 0 (the default) means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        SettingCheck.Require(NClusters >= 1, nameof(NClusters), NClusters, "it must be at least 1");
        SettingCheck.Require(MaxDegreeOfParallelism >= 0, nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "it must be 0 (all cores) or a positive number of threads");
        SettingCheck.Require(BatchSize >= 1, nameof(BatchSize), BatchSize, "it must be at least 1");
        SettingCheck.Require(MaxIter >= 1, nameof(MaxIter), MaxIter, "it must be at least 1");
        SettingCheck.Require(NInit >= 1, nameof(NInit), NInit, "it must be at least 1");
        SettingCheck.Require(MaxNoImprovement >= 1, nameof(MaxNoImprovement), MaxNoImprovement, "it must be at least 1");
        SettingCheck.Require(Tolerance >= 0 && double.IsFinite(Tolerance), nameof(Tolerance), Tolerance, "it must be finite and not negative");
        SettingCheck.Require(ReassignmentRatio >= 0 && ReassignmentRatio <= 1, nameof(ReassignmentRatio), ReassignmentRatio, "it must lie in [0, 1]");
        SettingCheck.Require(InitSize is null or >= 1, nameof(InitSize), InitSize ?? 0, "it must be at least 1");
    }
}
