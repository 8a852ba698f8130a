namespace Radiomics.Habitats.Clustering;

/// <summary>
/// k-means clustering with scikit-learn's behaviour and vocabulary: greedy k-means++ initialisation,
/// <see cref="KMeansSettings.NInit"/> restarts keeping the lowest inertia, Lloyd or Hamerly iterations with
/// scikit-learn's stopping rule. Deterministic for a seed regardless of the number of threads.
/// </summary>
/// <example><code>
/// var km = new KMeans(new KMeansSettings { NClusters = 4, Seed = 0 }).Fit(x);
/// int[] labels = km.Predict(y);
/// </code></example>
public sealed class KMeans
{
    private double[]? _centres;
    private int[]? _labels;
    private int _columns;

    public KMeans(KMeansSettings? settings = null)
    {
        Settings = settings ?? new KMeansSettings();
        Settings.Validate();
    }

    public KMeansSettings Settings { get; }

    /// <summary>True once <see cref="Fit"/> has run (or the model was built from centres).</summary>
    public bool IsFitted => _centres is not null;

    /// <summary>Cluster centres, k rows × features (<c>cluster_centers_</c>).</summary>
    public FeatureMatrix ClusterCenters => new((double[])Centres.Clone(), _columns);

    /// <summary>Label of every training row (<c>labels_</c>); empty for a model built from centres.</summary>
    public ReadOnlySpan<int> Labels => _labels ?? throw NotFitted();

    /// <summary>Sum of squared distances of the training rows to their centres (<c>inertia_</c>).</summary>
    public double Inertia { get; private set; } = double.NaN;

    /// <summary>Iterations of the best run (<c>n_iter_</c>).</summary>
    public int Iterations { get; private set; }

    private double[] Centres => _centres ?? throw NotFitted();

    /// <summary>A fitted model with the given centres, e.g. loaded from a file; it predicts but has no training labels.</summary>
    public static KMeans FromCenters(FeatureMatrix centers, KMeansSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(centers);
        centers.EnsureUsable(nameof(centers));
        var model = new KMeans((settings ?? new KMeansSettings()) with { NClusters = centers.Rows })
        {
            _centres = centers.Values.ToArray(),
            _labels = [],
            _columns = centers.Columns,
        };
        return model;
    }

    /// <summary>Clusters <paramref name="x"/>. <paramref name="progress"/> receives the number of finished restarts.</summary>
    public KMeans Fit(FeatureMatrix x, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        int k = Settings.NClusters;
        ClusteringInput.Validate(x, k, nameof(x));
        int dop = Settings.MaxDegreeOfParallelism;
        var (_, variance) = ColumnStatistics.Compute(x, dop);
        double scaledTolerance = Settings.Tolerance * Mean(variance);
        var results = new KMeansRunResult[Settings.NInit];
        int finished = 0;
        void Run(int run, int threads)
        {
            // Each restart has its own generator seeded from (Seed, run), so restarts can run in any order or at once.
            var init = KMeansPlusPlus.Init(x, k, new Random(RunSeed(Settings.Seed, run)), threads);
            results[run] = KMeansRun.Execute(x, init, Settings.MaxIter, scaledTolerance, Settings.Algorithm, threads);
            progress?.Report(Interlocked.Increment(ref finished));
        }

        int cores = dop > 0 ? dop : Environment.ProcessorCount;
        if (cores > 1 && Settings.NInit >= cores)
        {
            // Whole restarts per thread need no synchronisation per iteration; results do not depend on the split.
            Parallel.For(0, Settings.NInit, RowChunks.Options(cores), run => Run(run, 1));
        }
        else
        {
            for (int run = 0; run < Settings.NInit; run++)
            {
                Run(run, dop);
            }
        }

        // Lowest inertia wins; the earliest restart wins ties.
        var best = results[0];
        foreach (var result in results)
        {
            if (result.Inertia < best.Inertia)
            {
                best = result;
            }
        }

        _centres = best.Centres;
        _labels = best.Labels;
        _columns = x.Columns;
        Inertia = best.Inertia;
        Iterations = best.Iterations;
        return this;
    }

    /// <summary>Index of the nearest centre for every row (<c>predict</c>).</summary>
    public int[] Predict(FeatureMatrix x)
    {
        var centres = Centres;
        ArgumentNullException.ThrowIfNull(x);
        x.EnsureUsable(nameof(x));
        x.EnsureColumns(_columns, nameof(x));
        return CentreAssignment.Nearest(x, centres, Settings.MaxDegreeOfParallelism);
    }

    /// <summary><see cref="Fit"/> then the training labels (<c>fit_predict</c>).</summary>
    public int[] FitPredict(FeatureMatrix x) => Fit(x).Labels.ToArray();

    /// <summary>Euclidean distance of every row to every centre, rows × k (<c>transform</c>).</summary>
    public FeatureMatrix Transform(FeatureMatrix x)
    {
        var centres = Centres;
        ArgumentNullException.ThrowIfNull(x);
        x.EnsureUsable(nameof(x));
        x.EnsureColumns(_columns, nameof(x));
        return CentreAssignment.Distances(x, centres, Settings.MaxDegreeOfParallelism);
    }

    /// <summary>Σ of squared distances of <paramref name="x"/>'s rows to their nearest centres.</summary>
    public double InertiaOf(FeatureMatrix x)
    {
        var labels = Predict(x);
        return KMeansRun.Inertia(x, Centres, labels, Settings.MaxDegreeOfParallelism);
    }

    /// <summary>A seed per restart derived from the user's seed (SplitMix64 finaliser), well spread for nearby seeds.</summary>
    internal static int RunSeed(int seed, int run)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) + (ulong)run + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static ClusteringException NotFitted() =>
        new(ClusteringProblem.NotFitted, "This KMeans is not fitted yet; call Fit first.");
}
