namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Fits k-means for every k in a range and scores each clustering by inertia, silhouette, Calinski–Harabasz and
/// Davies–Bouldin (and, when asked, stability and the gap statistic), so the number of habitats can be chosen by a
/// stated criterion and the whole table reported. Deterministic for the k-means seed.
/// </summary>
public sealed class ClusterCountSelection
{
    private readonly ClusterCountSelectionSettings _settings;

    private ClusterCountSelection(IReadOnlyList<ClusterCountScore> scores, ClusterCountSelectionSettings settings)
    {
        Scores = scores;
        _settings = settings;
    }

    /// <summary>One row per k, in increasing k.</summary>
    public IReadOnlyList<ClusterCountScore> Scores { get; }

    public static ClusterCountSelection Evaluate(FeatureMatrix x, ClusterCountSelectionSettings? settings = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        settings ??= new ClusterCountSelectionSettings();
        if (settings.MinClusters < 2 || settings.MaxClusters < settings.MinClusters)
        {
            throw new ClusteringException(
                ClusteringProblem.InvalidSetting,
                $"The k range {settings.MinClusters}..{settings.MaxClusters} is invalid; it must start at 2 or more and not be reversed.",
                nameof(settings));
        }

        var stability = settings.Stability is { } st ? new ClusterStability(x, st, settings.KMeans) : null;
        var gap = settings.Gap is { } g ? new GapStatistic(x, g, settings.KMeans) : null;
        var scores = new List<ClusterCountScore>();
        for (int k = settings.MinClusters; k <= settings.MaxClusters; k++)
        {
            var km = new KMeans(settings.KMeans with { NClusters = k }).Fit(x);
            var labels = km.Labels;
            double silhouette = ClusteringMetrics.SilhouetteScore(x, labels, settings.SilhouetteSampleSize, settings.KMeans.Seed, settings.KMeans.MaxDegreeOfParallelism);
            var (gapK, gapError) = gap?.Score(k, gap.OnAllRows(x) ? km.Inertia : null) ?? (double.NaN, double.NaN);
            scores.Add(new ClusterCountScore(
                k, km.Inertia, silhouette, ClusteringMetrics.CalinskiHarabaszScore(x, labels), ClusteringMetrics.DaviesBouldinScore(x, labels),
                stability?.Score(k) ?? double.NaN, gapK, gapError));
            progress?.Report(k);
        }

        return new ClusterCountSelection(scores, settings);
    }

    /// <summary>The k chosen by <paramref name="criterion"/> (the smaller k on ties).</summary>
    public int Best(ClusterCountCriterion criterion)
    {
        switch (criterion)
        {
            case ClusterCountCriterion.Elbow:
                return Elbow();
            case ClusterCountCriterion.Stability:
                return MostStable();
            case ClusterCountCriterion.Gap:
                return FirstGap();
        }

        var best = Scores[0];
        foreach (var s in Scores)
        {
            bool better = criterion switch
            {
                ClusterCountCriterion.Silhouette => s.Silhouette > best.Silhouette,
                ClusterCountCriterion.CalinskiHarabasz => s.CalinskiHarabasz > best.CalinskiHarabasz,
                ClusterCountCriterion.DaviesBouldin => s.DaviesBouldin < best.DaviesBouldin,
                _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, null),
            };
            if (better)
            {
                best = s;
            }
        }

        return best.K;
    }

    /// <summary>
    /// The elbow of the inertia curve, as the "kneedle" rule (Satopää et al. 2011): with k and inertia both scaled to
    /// [0, 1], the k whose point lies farthest below the straight line from the first to the last point. With two k
    /// values there is no bend and the smaller is returned.
    /// </summary>
    private int Elbow()
    {
        if (Scores.Count < 3)
        {
            return Scores[0].K;
        }

        var first = Scores[0];
        var last = Scores[^1];
        double kSpan = last.K - first.K;
        double inertiaSpan = first.Inertia - last.Inertia;
        if (inertiaSpan <= 0)
        {
            return first.K;
        }

        int best = first.K;
        double bestGap = 0;
        foreach (var s in Scores)
        {
            double u = (s.K - first.K) / kSpan;
            double v = (s.Inertia - last.Inertia) / inertiaSpan;
            // The chord runs from (0, 1) to (1, 0): a decreasing convex curve lies below it by 1 − u − v.
            double gap = 1 - u - v;
            if (gap > bestGap)
            {
                bestGap = gap;
                best = s.K;
            }
        }

        return best;
    }

    /// <summary>The smallest k whose stability is within the tolerance of the highest.</summary>
    private int MostStable()
    {
        var settings = _settings.Stability ?? throw NotComputed("Stability");
        double highest = Scores.Max(s => s.Stability);
        return Scores.First(s => s.Stability >= highest - settings.Tolerance).K;
    }

    /// <summary>Tibshirani et al. (2001): the smallest k with Gap(k) ≥ Gap(k + 1) − s(k + 1); the largest k tried when none.</summary>
    private int FirstGap()
    {
        _ = _settings.Gap ?? throw NotComputed("Gap");
        for (int i = 0; i + 1 < Scores.Count; i++)
        {
            if (Scores[i].Gap >= Scores[i + 1].Gap - Scores[i + 1].GapError)
            {
                return Scores[i].K;
            }
        }

        return Scores[^1].K;
    }

    private static ClusteringException NotComputed(string score) => new(
        ClusteringProblem.InvalidSetting,
        $"The {score.ToLowerInvariant()} of each k was not computed; evaluate with ClusterCountSelectionSettings.{score} set (or settings.For(ClusterCountCriterion.{score})).",
        score);
}
