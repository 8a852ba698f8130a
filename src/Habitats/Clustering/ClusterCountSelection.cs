namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Fits k-means for every k in a range and scores each clustering by inertia, silhouette, Calinski–Harabasz and
/// Davies–Bouldin, so the number of habitats can be chosen by a stated criterion and the whole table reported.
/// </summary>
public sealed class ClusterCountSelection
{
    private ClusterCountSelection(IReadOnlyList<ClusterCountScore> scores) => Scores = scores;

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

        var scores = new List<ClusterCountScore>();
        for (int k = settings.MinClusters; k <= settings.MaxClusters; k++)
        {
            var km = new KMeans(settings.KMeans with { NClusters = k }).Fit(x);
            var labels = km.Labels;
            double silhouette = ClusteringMetrics.SilhouetteScore(x, labels, settings.SilhouetteSampleSize, settings.KMeans.Seed, settings.KMeans.MaxDegreeOfParallelism);
            scores.Add(new ClusterCountScore(
                k, km.Inertia, silhouette, ClusteringMetrics.CalinskiHarabaszScore(x, labels), ClusteringMetrics.DaviesBouldinScore(x, labels)));
            progress?.Report(k);
        }

        return new ClusterCountSelection(scores);
    }

    /// <summary>The k chosen by <paramref name="criterion"/> (the smaller k on ties).</summary>
    public int Best(ClusterCountCriterion criterion)
    {
        if (criterion == ClusterCountCriterion.Elbow)
        {
            return Elbow();
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
}
