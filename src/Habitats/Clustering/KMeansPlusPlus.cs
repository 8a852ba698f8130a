namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Greedy k-means++ seeding (Arthur &amp; Vassilvitskii 2007, greedy variant as in scikit-learn's
/// <c>_kmeans_plusplus</c>): the first centre is a uniformly drawn point; each next centre is the best of
/// 2 + ⌊ln k⌋ candidates drawn with probability proportional to D(x)², the one that lowers the potential Σ D(x)² most.
/// </summary>
internal static class KMeansPlusPlus
{
    public static double[] Init(FeatureMatrix x, int k, Random random, int maxDegreeOfParallelism)
    {
        int n = x.Rows, d = x.Columns;
        var data = x.Data;
        var centres = new double[k * d];
        int first = random.Next(n);
        x.Row(first).CopyTo(centres.AsSpan(0, d));

        // D(x)² per row and its sum per fixed-size chunk: drawing a row with probability ∝ D(x)² walks the chunk sums,
        // then one chunk, instead of a serial prefix sum over all rows.
        int chunks = RowChunks.Count(n);
        var closest = new double[n];
        var chunkSums = new double[chunks];
        RowChunks.For(n, maxDegreeOfParallelism, (chunk, s, e) =>
        {
            var c0 = centres.AsSpan(0, d);
            double sum = 0;
            for (int i = s; i < e; i++)
            {
                closest[i] = SquaredEuclidean.Distance(data.AsSpan(i * d, d), c0);
                sum += closest[i];
            }

            chunkSums[chunk] = sum;
        });

        int trials = 2 + (int)Math.Log(k);
        var candidates = new int[trials];
        var candidateRows = new double[trials * d];

        // The candidate pass keeps min(D(x)², distance to candidate t) for every trial, so choosing a candidate is a
        // swap of arrays rather than another pass over the data.
        var trialClosest = new double[trials][];
        for (int t = 0; t < trials; t++)
        {
            trialClosest[t] = new double[n];
        }

        var trialSums = new double[chunks * trials];
        for (int c = 1; c < k; c++)
        {
            double potential = Total(chunkSums);
            for (int t = 0; t < trials; t++)
            {
                candidates[t] = Draw(closest, chunkSums, random.NextDouble() * potential);
                x.Row(candidates[t]).CopyTo(candidateRows.AsSpan(t * d, d));
            }

            var toCandidates = new CentreDistances(candidateRows, d);
            var current = closest;
            RowChunks.For(n, maxDegreeOfParallelism, (chunk, s, e) =>
            {
                const int B = CentreDistances.BlockRows;
                var sums = trialSums.AsSpan(chunk * trials, trials);
                sums.Clear();
                int kp = toCandidates.Padded;
                Span<double> dist = stackalloc double[B * kp];
                int i = s;
                for (; i + B <= e; i += B)
                {
                    toCandidates.ComputeBlock(data.AsSpan(i * d, B * d), dist);
                    for (int r = 0; r < B; r++)
                    {
                        double c = current[i + r];
                        for (int t = 0; t < trials; t++)
                        {
                            double m = Math.Min(c, dist[(r * kp) + t]);
                            trialClosest[t][i + r] = m;
                            sums[t] += m;
                        }
                    }
                }

                for (; i < e; i++)
                {
                    toCandidates.Compute(data.AsSpan(i * d, d), dist);
                    double c = current[i];
                    for (int t = 0; t < trials; t++)
                    {
                        double m = Math.Min(c, dist[t]);
                        trialClosest[t][i] = m;
                        sums[t] += m;
                    }
                }
            });

            int best = 0;
            double bestPotential = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double pot = 0;
                for (int chunk = 0; chunk < chunks; chunk++)
                {
                    pot += trialSums[(chunk * trials) + t];
                }

                if (pot < bestPotential)
                {
                    bestPotential = pot;
                    best = t;
                }
            }

            (closest, trialClosest[best]) = (trialClosest[best], closest);
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                chunkSums[chunk] = trialSums[(chunk * trials) + best];
            }

            x.Row(candidates[best]).CopyTo(centres.AsSpan(c * d, d));
        }

        return centres;
    }

    private static double Total(double[] chunkSums)
    {
        double total = 0;
        foreach (var v in chunkSums)
        {
            total += v;
        }

        return total;
    }

    /// <summary>
    /// The first row whose running sum of <paramref name="weights"/> reaches <paramref name="value"/> (NumPy
    /// <c>searchsorted</c> on the cumulative sum, side left), found through the per-chunk sums; the last row when
    /// rounding leaves <paramref name="value"/> above the total.
    /// </summary>
    internal static int Draw(double[] weights, double[] chunkSums, double value)
    {
        double running = 0;
        for (int chunk = 0; chunk < chunkSums.Length; chunk++)
        {
            if (running + chunkSums[chunk] >= value)
            {
                var (s, e) = RowChunks.Range(chunk, weights.Length);
                for (int i = s; i < e; i++)
                {
                    running += weights[i];
                    if (running >= value)
                    {
                        return i;
                    }
                }

                return e - 1;
            }

            running += chunkSums[chunk];
        }

        return weights.Length - 1;
    }
}
