using Radiomics.Numerics;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Mini-batch k-means (Sculley 2010) as scikit-learn's <c>MiniBatchKMeans</c>: k-means++ on a random init sample
/// (best of <see cref="MiniBatchKMeansSettings.NInit"/> on a validation sample), then steps on random batches where
/// each centre moves towards its batch points with a per-centre learning rate 1/count, rarely used centres are
/// re-seeded, and the run stops when the smoothed batch inertia stops improving. For millions of voxels; seeded and
/// deterministic.
/// </summary>
public sealed class MiniBatchKMeans : CentroidModel
{
    public MiniBatchKMeans(MiniBatchKMeansSettings? settings = null)
    {
        Settings = settings ?? new MiniBatchKMeansSettings();
        Settings.Validate();
    }

    public MiniBatchKMeansSettings Settings { get; }

    /// <summary>Mini-batch steps taken (<c>n_steps_</c>).</summary>
    public int Steps { get; private set; }

    /// <summary>Passes over the data, rounded up (<c>n_iter_</c>).</summary>
    public int Iterations { get; private set; }

    protected override Parallelism Threads => Settings.MaxDegreeOfParallelism;

    /// <summary>Clusters <paramref name="x"/>; <paramref name="progress"/> receives the fraction of the step budget done.</summary>
    public MiniBatchKMeans Fit(FeatureMatrix x, IProgress<double>? progress = null)
    {
        int k = Settings.NClusters;
        ClusteringInput.Validate(x, k, nameof(x));
        int n = x.Rows, d = x.Columns;
        int batch = Math.Min(Settings.BatchSize, n);
        int initSize = Math.Min(n, Math.Max(Settings.InitSize ?? 3 * batch, 3 * k));
        var random = new Random(Settings.Seed);

        var validation = x.SelectRows(Draw(random, n, initSize));
        double[]? centres = null;
        double bestInertia = double.PositiveInfinity;
        for (int init = 0; init < Settings.NInit; init++)
        {
            var sample = x.SelectRows(Draw(random, n, initSize));
            // A sample may repeat rows; with too few distinct ones, seed from all the data instead.
            var seedFrom = DistinctRows.CountUpTo(sample, k) >= k ? sample : x;
            var candidate = KMeansPlusPlus.Init(seedFrom, k, random, 1);
            double inertia = KMeansRun.Inertia(validation, candidate, CentreAssignment.Nearest(validation, candidate, 1), 1);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                centres = candidate;
            }
        }

        var state = new MiniBatchState(centres!, k, d);
        double scaledTolerance = 0;
        if (Settings.Tolerance > 0)
        {
            var (_, variance) = ColumnStatistics.Compute(x, Settings.MaxDegreeOfParallelism);
            scaledTolerance = Settings.Tolerance * variance.Average();
        }

        long steps = Math.Max(1, (long)Settings.MaxIter * n / batch);
        double alpha = Math.Min(1.0, batch * 2.0 / (n + 1));
        double ewa = double.NaN, ewaMin = double.PositiveInfinity;
        int noImprovement = 0;
        long sinceReassign = 0;
        var indices = new int[batch];
        long step = 0;
        while (step < steps)
        {
            for (int b = 0; b < batch; b++)
            {
                indices[b] = random.Next(n);
            }

            sinceReassign += batch;
            bool reassign = state.HasEmpty || sinceReassign >= 10L * k;
            if (reassign)
            {
                sinceReassign = 0;
            }

            var (batchInertia, shift) = state.Step(x, indices, reassign ? Settings.ReassignmentRatio : 0, random);
            step++;
            if ((step & 63) == 0)
            {
                progress?.Report((double)step / steps);
            }

            // Convergence as scikit-learn's _mini_batch_convergence: the first step only seeds the average.
            if (step == 1)
            {
                ewa = batchInertia / batch;
                continue;
            }

            if (scaledTolerance > 0 && shift <= scaledTolerance)
            {
                break;
            }

            ewa = (ewa * (1 - alpha)) + (batchInertia / batch * alpha);
            if (ewa < ewaMin)
            {
                noImprovement = 0;
                ewaMin = ewa;
            }
            else if (++noImprovement >= Settings.MaxNoImprovement)
            {
                break;
            }
        }

        var labels = CentreAssignment.Nearest(x, state.Centres, Settings.MaxDegreeOfParallelism);
        SetFitted(state.Centres, labels, d, KMeansRun.Inertia(x, state.Centres, labels, Settings.MaxDegreeOfParallelism));
        Steps = (int)step;
        Iterations = (int)Math.Ceiling((double)step * batch / n);
        progress?.Report(1.0);
        return this;
    }

    /// <summary><see cref="Fit"/> then the training labels (<c>fit_predict</c>).</summary>
    public int[] FitPredict(FeatureMatrix x) => Fit(x).Labels.ToArray();

    private static int[] Draw(Random random, int n, int count)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = random.Next(n);
        }

        return rows;
    }

    /// <summary>Centres and their accumulated counts during mini-batch steps.</summary>
    private sealed class MiniBatchState(double[] centres, int k, int d)
    {
        private readonly double[] _weights = new double[k];
        private readonly double[] _sums = new double[k * d];
        private readonly int[] _batchCounts = new int[k];
        private readonly double[] _old = new double[k * d];

        public double[] Centres { get; } = centres;

        public bool HasEmpty => Array.IndexOf(_weights, 0.0) >= 0;

        /// <summary>One step; returns the batch inertia (against the centres before the step) and Σ‖shift‖².</summary>
        public (double Inertia, double Shift) Step(FeatureMatrix x, int[] rows, double reassignmentRatio, Random random)
        {
            var data = x.Data;
            var distances = new CentreDistances(Centres, d);
            Span<double> dist = stackalloc double[distances.Padded];
            Array.Clear(_sums);
            Array.Clear(_batchCounts);
            double inertia = 0;
            for (int b = 0; b < rows.Length; b++)
            {
                var row = data.AsSpan(rows[b] * d, d);
                distances.Compute(row, dist);
                int label = distances.ArgMin(dist, out double best);
                inertia += best;
                _batchCounts[label]++;
                var sum = _sums.AsSpan(label * d, d);
                for (int t = 0; t < d; t++)
                {
                    sum[t] += row[t];
                }
            }

            Centres.CopyTo(_old, 0);
            for (int j = 0; j < k; j++)
            {
                int count = _batchCounts[j];
                if (count == 0)
                {
                    continue;
                }

                // c ← (c·w + Σ batch points) / (w + count): each point moves its centre by 1/(running count).
                double w = _weights[j];
                double total = w + count;
                for (int t = 0; t < d; t++)
                {
                    Centres[(j * d) + t] = ((Centres[(j * d) + t] * w) + _sums[(j * d) + t]) / total;
                }

                _weights[j] = total;
            }

            if (reassignmentRatio > 0)
            {
                Reassign(x, rows, reassignmentRatio, random);
            }

            double shift = 0;
            for (int j = 0; j < k; j++)
            {
                shift += SquaredEuclidean.Distance(Centres.AsSpan(j * d, d), _old.AsSpan(j * d, d));
            }

            return (inertia, shift);
        }

        /// <summary>Centres with weight below ratio × the largest weight move to random batch points (at most half the batch).</summary>
        private void Reassign(FeatureMatrix x, int[] rows, double ratio, Random random)
        {
            double max = _weights.Max();
            var low = new List<int>();
            for (int j = 0; j < k; j++)
            {
                if (_weights[j] < ratio * max)
                {
                    low.Add(j);
                }
            }

            int limit = rows.Length / 2;
            if (low.Count > limit)
            {
                // Keep the lightest centres for reassignment.
                low.Sort((a, b) => _weights[a].CompareTo(_weights[b]) is var c && c != 0 ? c : a.CompareTo(b));
                low.RemoveRange(limit, low.Count - limit);
            }

            if (low.Count == 0)
            {
                return;
            }

            double minKept = double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                if (!low.Contains(j))
                {
                    minKept = Math.Min(minKept, _weights[j]);
                }
            }

            // Distinct batch positions, drawn by a partial Fisher–Yates shuffle.
            var positions = new int[rows.Length];
            for (int i = 0; i < positions.Length; i++)
            {
                positions[i] = i;
            }

            for (int r = 0; r < low.Count; r++)
            {
                int swap = r + random.Next(positions.Length - r);
                (positions[r], positions[swap]) = (positions[swap], positions[r]);
                int j = low[r];
                x.Row(rows[positions[r]]).CopyTo(Centres.AsSpan(j * d, d));
                _weights[j] = double.IsFinite(minKept) ? minKept : 0;
            }
        }
    }
}
