using Radiomics.Numerics;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Clustering quality scores with scikit-learn's definitions (<c>sklearn.metrics</c>): internal validity indices
/// that rank a clustering of one data set (silhouette, Calinski–Harabasz, Davies–Bouldin) and the adjusted Rand
/// index that compares two labelings. Labels are non-negative integers; their values only name clusters.
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>
    /// Mean silhouette coefficient (Rousseeuw 1987): for each point, s = (b − a) / max(a, b) with a the mean distance
    /// to the other points of its cluster and b the smallest mean distance to the points of another cluster; s = 0
    /// for a point alone in its cluster. In [−1, 1], higher is better. As scikit-learn's <c>silhouette_score</c> with
    /// <c>sample_size</c>: with <paramref name="sampleSize"/> smaller than the data, the score is computed on that many
    /// rows drawn without replacement using <paramref name="seed"/> (the cost is quadratic in the rows used).
    /// </summary>
    public static double SilhouetteScore(FeatureMatrix x, ReadOnlySpan<int> labels, int? sampleSize = null, int seed = 0, Parallelism parallelism = default)
    {
        var (compact, k) = Check(x, labels);
        if (k < 2 || k > x.Rows - 1)
        {
            throw new ClusteringException(ClusteringProblem.InvalidSetting, $"The silhouette needs 2 to n − 1 clusters; the labels have {k} for {x.Rows} rows.", nameof(labels));
        }

        int[] rows;
        if (sampleSize is { } m && m < x.Rows)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(m, 2, nameof(sampleSize));
            rows = SampleWithoutReplacement(x.Rows, m, seed);
        }
        else
        {
            rows = Enumerable.Range(0, x.Rows).ToArray();
        }

        int s = rows.Length, d = x.Columns;
        var sample = x.SelectRows(rows);
        var sampleLabels = new int[s];
        var sizes = new int[k];
        for (int i = 0; i < s; i++)
        {
            sampleLabels[i] = compact[rows[i]];
            sizes[sampleLabels[i]]++;
        }

        var data = sample.Data;
        var scores = new double[s];
        ParallelRows.For(0, s, parallelism, () => new double[k], (i, sums) =>
        {
            Array.Clear(sums);
            var xi = data.AsSpan(i * d, d);
            for (int j = 0; j < s; j++)
            {
                sums[sampleLabels[j]] += Math.Sqrt(SquaredEuclidean.Distance(xi, data.AsSpan(j * d, d)));
            }

            int own = sampleLabels[i];
            if (sizes[own] <= 1)
            {
                scores[i] = 0;
                return;
            }

            double a = sums[own] / (sizes[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            double denominator = Math.Max(a, b);
            scores[i] = denominator > 0 ? (b - a) / denominator : 0;
        });

        // Ordered sum: the same value whatever the thread count.
        double total = 0;
        foreach (var v in scores)
        {
            total += v;
        }

        return total / s;
    }

    /// <summary>
    /// Calinski–Harabasz index (variance ratio criterion, Caliński &amp; Harabasz 1974): between-cluster dispersion over
    /// within-cluster dispersion, each divided by its degrees of freedom, (B / (k − 1)) / (W / (n − k)). Higher is better;
    /// 1 when the within-cluster dispersion is zero, as scikit-learn.
    /// </summary>
    public static double CalinskiHarabaszScore(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        var (compact, k, centroids, sizes) = CentroidsOfSeveral(x, labels);
        int n = x.Rows, d = x.Columns;
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int t = 0; t < d; t++)
            {
                mean[t] += row[t];
            }
        }

        for (int t = 0; t < d; t++)
        {
            mean[t] /= n;
        }

        double between = 0, within = 0;
        for (int c = 0; c < k; c++)
        {
            between += sizes[c] * SquaredEuclidean.Distance(centroids.AsSpan(c * d, d), mean);
        }

        for (int i = 0; i < n; i++)
        {
            within += SquaredEuclidean.Distance(x.Row(i), centroids.AsSpan(compact[i] * d, d));
        }

        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1));
    }

    /// <summary>
    /// Davies–Bouldin index (Davies &amp; Bouldin 1979): the mean over clusters of the largest (sᵢ + sⱼ) / dᵢⱼ, with sᵢ
    /// the mean distance of cluster i's points to its centroid and dᵢⱼ the distance between centroids. Lower is
    /// better; 0 for zero spread, as scikit-learn.
    /// </summary>
    public static double DaviesBouldinScore(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        var (compact, k, centroids, sizes) = CentroidsOfSeveral(x, labels);
        int n = x.Rows, d = x.Columns;
        var spread = new double[k];
        for (int i = 0; i < n; i++)
        {
            spread[compact[i]] += Math.Sqrt(SquaredEuclidean.Distance(x.Row(i), centroids.AsSpan(compact[i] * d, d)));
        }

        bool allTight = true;
        for (int c = 0; c < k; c++)
        {
            spread[c] /= sizes[c];
            allTight &= Math.Abs(spread[c]) < 1e-15;
        }

        if (allTight)
        {
            return 0;
        }

        double total = 0;
        for (int i = 0; i < k; i++)
        {
            double worst = 0;
            for (int j = 0; j < k; j++)
            {
                if (i == j)
                {
                    continue;
                }

                double separation = Math.Sqrt(SquaredEuclidean.Distance(centroids.AsSpan(i * d, d), centroids.AsSpan(j * d, d)));
                if (separation > 0)
                {
                    worst = Math.Max(worst, (spread[i] + spread[j]) / separation);
                }
            }

            total += worst;
        }

        return total / k;
    }

    /// <summary>
    /// Adjusted Rand index (Hubert &amp; Arabie 1985) between two labelings of the same items: the Rand index corrected
    /// for chance, 1 for identical partitions (whatever the label names), about 0 for independent ones.
    /// </summary>
    public static double AdjustedRandScore(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPred)
    {
        if (labelsTrue.Length != labelsPred.Length)
        {
            throw new ArgumentException($"The labelings have {labelsTrue.Length} and {labelsPred.Length} items; they must label the same items.", nameof(labelsPred));
        }

        var (a, ka) = Compact(labelsTrue, nameof(labelsTrue));
        var (b, kb) = Compact(labelsPred, nameof(labelsPred));
        long n = a.Length;
        var table = new long[ka * kb];
        var rowSums = new long[ka];
        var colSums = new long[kb];
        for (int i = 0; i < a.Length; i++)
        {
            table[(a[i] * kb) + b[i]]++;
            rowSums[a[i]]++;
            colSums[b[i]]++;
        }

        static double Pairs(long m) => m * (m - 1) / 2.0;
        double index = 0, sumA = 0, sumB = 0;
        foreach (var c in table)
        {
            index += Pairs(c);
        }

        foreach (var c in rowSums)
        {
            sumA += Pairs(c);
        }

        foreach (var c in colSums)
        {
            sumB += Pairs(c);
        }

        double expected = n < 2 ? 0 : sumA * sumB / Pairs(n);
        double max = (sumA + sumB) / 2;
        // Identical trivial partitions (one cluster each, or all singletons) agree perfectly.
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static (int[] Compact, int Clusters) Check(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.EnsureUsable(nameof(x));
        if (labels.Length != x.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {x.Rows} rows.", nameof(labels));
        }

        return Compact(labels, nameof(labels));
    }

    /// <summary>Relabels to 0..k−1 in order of first appearance of each sorted label value.</summary>
    private static (int[] Compact, int Clusters) Compact(ReadOnlySpan<int> labels, string paramName)
    {
        var map = new Dictionary<int, int>();
        foreach (var l in labels)
        {
            if (l < 0)
            {
                throw new ArgumentException($"Label {l} is negative; labels are cluster numbers 0, 1, ….", paramName);
            }

            map.TryAdd(l, 0);
        }

        int next = 0;
        foreach (var key in map.Keys.Order().ToArray())
        {
            map[key] = next++;
        }

        var compact = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            compact[i] = map[labels[i]];
        }

        return (compact, next);
    }

    /// <summary>The checked labels, their count and each cluster's centroid and size, for the centroid-based scores.</summary>
    private static (int[] Compact, int K, double[] Centroids, long[] Sizes) CentroidsOfSeveral(FeatureMatrix x, ReadOnlySpan<int> labels)
    {
        var (compact, k) = Check(x, labels);
        RequireSeveralClusters(k, x.Rows, nameof(labels));
        var (centroids, sizes) = Centroids(x, compact, k);
        return (compact, k, centroids, sizes);
    }

    private static void RequireSeveralClusters(int k, int n, string paramName)
    {
        if (k < 2 || k > n - 1)
        {
            throw new ClusteringException(ClusteringProblem.InvalidSetting, $"This score needs 2 to n − 1 clusters; the labels have {k} for {n} rows.", paramName);
        }
    }

    private static (double[] Centroids, long[] Sizes) Centroids(FeatureMatrix x, int[] labels, int k)
    {
        int d = x.Columns;
        var centroids = new double[k * d];
        var sizes = new long[k];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            int c = labels[i];
            sizes[c]++;
            for (int t = 0; t < d; t++)
            {
                centroids[(c * d) + t] += row[t];
            }
        }

        for (int c = 0; c < k; c++)
        {
            for (int t = 0; t < d; t++)
            {
                centroids[(c * d) + t] /= sizes[c];
            }
        }

        return (centroids, sizes);
    }

    private static int[] SampleWithoutReplacement(int n, int m, int seed)
    {
        var all = new int[n];
        for (int i = 0; i < n; i++)
        {
            all[i] = i;
        }

        var random = new Random(seed);
        for (int i = 0; i < m; i++)
        {
            int j = i + random.Next(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..m];
    }
}
