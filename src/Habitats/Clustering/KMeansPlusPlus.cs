using Radiomics.Numerics;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Greedy k-means++ seeding (Arthur &amp; Vassilvitskii 2007, greedy variant as in scikit-learn's
/// <c>_kmeans_plusplus</c>): the first centre is a uniformly drawn point; each next centre is the best of
/// 2 + ⌊ln k⌋ candidates drawn with probability proportional to D(x)², the one that lowers the potential Σ D(x)² most.
/// </summary>
/// <remarks>
/// One pass over the data per centre. The pass that scores the candidates of centre m also folds the centre chosen
/// last into D(x)², so only one array of n values is written per pass: <c>closest</c> holds D(x)² for all centres but
/// the last, and the per-chunk sums hold the exact potential including it. A draw walks the chunk sums and then
/// recomputes D(x)² for the one chunk it lands in, with the same arithmetic, hence the same values as the pass.
/// </remarks>
internal static class KMeansPlusPlus
{
    public static double[] Init(FeatureMatrix x, int k, Random random, Parallelism parallelism)
    {
        int n = x.Rows, d = x.Columns;
        var data = x.Data;
        var centres = new double[k * d];
        int first = random.Next(n);
        x.Row(first).CopyTo(centres.AsSpan(0, d));
        if (k == 1)
        {
            return centres;
        }

        int chunks = RowChunks.Count(n);
        var chunkSums = new double[chunks];
        var last = new CentreDistances(centres.AsSpan(0, d), d);
        RowChunks.For(n, parallelism, (chunk, s, e) =>
        {
            Span<double> dist = stackalloc double[last.Padded];
            double sum = 0;
            for (int i = s; i < e; i++)
            {
                last.Compute(data.AsSpan(i * d, d), dist);
                sum += dist[0];
            }

            chunkSums[chunk] = sum;
        });

        int trials = 2 + (int)Math.Log(k);
        var candidates = new int[trials];

        // Row 0 of the block is the centre chosen last; rows 1..trials are this round's candidates.
        var block = new double[(1 + trials) * d];
        var closest = new double[n];
        bool folded = false;
        var trialSums = new double[chunks * trials];
        var weights = new double[RowChunks.Size];
        for (int c = 1; c < k; c++)
        {
            double potential = Total(chunkSums);
            for (int t = 0; t < trials; t++)
            {
                double value = random.NextDouble() * potential;
                candidates[t] = Draw(chunkSums, value, n, (s, e, w) => Weights(data, d, closest, folded, last, s, e, w), weights);
                x.Row(candidates[t]).CopyTo(block.AsSpan((1 + t) * d, d));
            }

            centres.AsSpan((c - 1) * d, d).CopyTo(block.AsSpan(0, d));
            var distances = new CentreDistances(block, d);
            bool previous = folded;
            RowChunks.For(n, parallelism, (chunk, s, e) =>
                ScoreCandidates(data, d, distances, closest, previous, s, e, trialSums.AsSpan(chunk * trials, trials)));
            folded = true;

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

            for (int chunk = 0; chunk < chunks; chunk++)
            {
                chunkSums[chunk] = trialSums[(chunk * trials) + best];
            }

            x.Row(candidates[best]).CopyTo(centres.AsSpan(c * d, d));
            last = new CentreDistances(centres.AsSpan(c * d, d), d);
        }

        return centres;
    }

    /// <summary>
    /// For rows [s, e): folds the last centre (lane 0) into D(x)², then adds min(D(x)², distance to candidate t) to
    /// <paramref name="sums"/>[t]. Before the first fold <paramref name="closest"/> is not yet filled and counts as +∞.
    /// </summary>
    private static void ScoreCandidates(double[] data, int d, CentreDistances distances, double[] closest, bool folded, int s, int e, Span<double> sums)
    {
        const int B = CentreDistances.BlockRows;
        int kp = distances.Padded, trials = distances.Count - 1;
        sums.Clear();
        Span<double> dist = stackalloc double[B * kp];
        int i = s;
        for (; i + B <= e; i += B)
        {
            distances.ComputeBlock(data.AsSpan(i * d, B * d), dist);
            for (int r = 0; r < B; r++)
            {
                var row = dist.Slice(r * kp, kp);
                double nearest = folded ? Math.Min(closest[i + r], row[0]) : row[0];
                closest[i + r] = nearest;
                for (int t = 0; t < trials; t++)
                {
                    sums[t] += Math.Min(nearest, row[1 + t]);
                }
            }
        }

        for (; i < e; i++)
        {
            distances.Compute(data.AsSpan(i * d, d), dist);
            double nearest = folded ? Math.Min(closest[i], dist[0]) : dist[0];
            closest[i] = nearest;
            for (int t = 0; t < trials; t++)
            {
                sums[t] += Math.Min(nearest, dist[1 + t]);
            }
        }
    }

    /// <summary>D(x)² of rows [s, e) including the centre chosen last, as <see cref="ScoreCandidates"/> computes it.</summary>
    private static void Weights(double[] data, int d, double[] closest, bool folded, CentreDistances last, int s, int e, Span<double> weights)
    {
        Span<double> dist = stackalloc double[last.Padded];
        for (int i = s; i < e; i++)
        {
            last.Compute(data.AsSpan(i * d, d), dist);
            weights[i - s] = folded ? Math.Min(closest[i], dist[0]) : dist[0];
        }
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
    internal static int Draw(double[] weights, double[] chunkSums, double value) =>
        Draw(chunkSums, value, weights.Length, (s, e, w) => weights.AsSpan(s, e - s).CopyTo(w), new double[RowChunks.Size]);

    /// <summary><see cref="Draw(double[], double[], double)"/> with the weights of the one chunk it needs computed on demand.</summary>
    private static int Draw(double[] chunkSums, double value, int rows, ChunkWeights chunkWeights, double[] scratch)
    {
        double running = 0;
        for (int chunk = 0; chunk < chunkSums.Length; chunk++)
        {
            if (running + chunkSums[chunk] >= value)
            {
                var (s, e) = RowChunks.Range(chunk, rows);
                var w = scratch.AsSpan(0, e - s);
                chunkWeights(s, e, w);
                for (int i = 0; i < w.Length; i++)
                {
                    running += w[i];
                    if (running >= value)
                    {
                        return s + i;
                    }
                }

                return e - 1;
            }

            running += chunkSums[chunk];
        }

        return rows - 1;
    }

    private delegate void ChunkWeights(int start, int end, Span<double> weights);
}
