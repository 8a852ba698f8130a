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

        var closest = new double[n];
        double potential = RowChunks.Sum(n, maxDegreeOfParallelism, (s, e) =>
        {
            var c0 = centres.AsSpan(0, d);
            double sum = 0;
            for (int i = s; i < e; i++)
            {
                closest[i] = SquaredEuclidean.Distance(data.AsSpan(i * d, d), c0);
                sum += closest[i];
            }

            return sum;
        });

        int trials = 2 + (int)Math.Log(k);
        var cumulative = new double[n];
        var candidates = new int[trials];
        int chunks = RowChunks.Count(n);
        var chunkPotentials = new double[chunks * trials];
        for (int c = 1; c < k; c++)
        {
            double running = 0;
            for (int i = 0; i < n; i++)
            {
                running += closest[i];
                cumulative[i] = running;
            }

            for (int t = 0; t < trials; t++)
            {
                candidates[t] = Math.Min(SearchSortedLeft(cumulative, random.NextDouble() * potential), n - 1);
            }

            Array.Clear(chunkPotentials);
            var candidateRows = new double[trials * d];
            for (int t = 0; t < trials; t++)
            {
                x.Row(candidates[t]).CopyTo(candidateRows.AsSpan(t * d, d));
            }

            var toCandidates = new CentreDistances(candidateRows, d);
            RowChunks.For(n, maxDegreeOfParallelism, (chunk, s, e) =>
            {
                const int B = CentreDistances.BlockRows;
                var pots = chunkPotentials.AsSpan(chunk * trials, trials);
                int kp = toCandidates.Padded;
                Span<double> dist = stackalloc double[B * kp];
                int i = s;
                for (; i + B <= e; i += B)
                {
                    toCandidates.ComputeBlock(data.AsSpan(i * d, B * d), dist);
                    for (int r = 0; r < B; r++)
                    {
                        double c = closest[i + r];
                        for (int t = 0; t < trials; t++)
                        {
                            pots[t] += Math.Min(c, dist[(r * kp) + t]);
                        }
                    }
                }

                for (; i < e; i++)
                {
                    toCandidates.Compute(data.AsSpan(i * d, d), dist);
                    double c = closest[i];
                    for (int t = 0; t < trials; t++)
                    {
                        pots[t] += Math.Min(c, dist[t]);
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
                    pot += chunkPotentials[(chunk * trials) + t];
                }

                if (pot < bestPotential)
                {
                    bestPotential = pot;
                    best = t;
                }
            }

            potential = bestPotential;
            int chosen = candidates[best];
            RowChunks.For(n, maxDegreeOfParallelism, (_, s, e) =>
            {
                var centre = data.AsSpan(chosen * d, d);
                for (int i = s; i < e; i++)
                {
                    closest[i] = Math.Min(closest[i], SquaredEuclidean.Distance(data.AsSpan(i * d, d), centre));
                }
            });
            x.Row(chosen).CopyTo(centres.AsSpan(c * d, d));
        }

        return centres;
    }

    /// <summary>First index whose cumulative value is ≥ <paramref name="value"/> (NumPy <c>searchsorted</c>, side left).</summary>
    private static int SearchSortedLeft(double[] cumulative, double value)
    {
        int lo = 0, hi = cumulative.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
