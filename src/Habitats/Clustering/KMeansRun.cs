using Radiomics.Numerics;

using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Radiomics.Habitats.Clustering;

/// <summary>The outcome of one k-means run from one initialisation.</summary>
internal sealed record KMeansRunResult(double[] Centres, int[] Labels, double Inertia, int Iterations);

/// <summary>
/// One k-means run from given initial centres, following scikit-learn's <c>_kmeans_single_lloyd</c>: each iteration
/// assigns every point to its nearest centre and moves every centre to the mean of its points; the run stops when no
/// label changes (strict convergence) or when the summed squared centre shift is at most the scaled tolerance, and a
/// run that did not converge strictly ends with one more assignment so labels match the final centres (Lloyd always
/// makes that pass, as it also sums the inertia; after strict convergence it changes no label). Empty clusters are
/// re-seeded with the points farthest from their centres, as scikit-learn does.
/// </summary>
/// <remarks>
/// With <see cref="KMeansAlgorithm.Hamerly"/> the assignment keeps, per point, an upper bound on the distance to its
/// centre and a lower bound on the distance to every other centre (Hamerly 2010, "Making k-means even faster"); a point
/// whose upper bound is below both its lower bound and half the distance from its centre to the nearest other centre
/// cannot change cluster and costs no distance computation. As with Lloyd, cluster sums are updated only by the points
/// that change cluster, so a late iteration reads little more than the bounds; the assignments are the same as Lloyd's.
/// </remarks>
internal sealed class KMeansRun
{
    private readonly double[] _data;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly Parallelism _parallelism;
    private readonly bool _hamerly;
    private readonly int[] _labels;
    private readonly double[] _upper;
    private readonly double[] _lower;
    private readonly double[] _shift;
    private readonly double[] _lowerDecrease;
    private readonly double[] _halfSeparation;
    private readonly double[] _sums;
    private readonly long[] _counts;
    private readonly double[] _chunkSums;
    private readonly long[] _chunkCounts;
    private readonly int[] _chunkChanges;
    private readonly double[] _chunkInertia;
    private double[] _centres;
    private double[] _newCentres;

    private KMeansRun(FeatureMatrix x, double[] initialCentres, KMeansAlgorithm algorithm, Parallelism parallelism)
    {
        _data = x.Data;
        _n = x.Rows;
        _d = x.Columns;
        _k = initialCentres.Length / _d;
        _parallelism = parallelism;
        _hamerly = algorithm == KMeansAlgorithm.Hamerly;
        _labels = new int[_n];
        Array.Fill(_labels, -1);
        _upper = _hamerly ? new double[_n] : [];
        _lower = _hamerly ? new double[_n] : [];
        _shift = new double[_k];
        _lowerDecrease = new double[_k];
        _halfSeparation = new double[_k];
        _sums = new double[_k * _d];
        _counts = new long[_k];
        int chunks = RowChunks.Count(_n);
        _chunkSums = new double[chunks * _k * _d];
        _chunkCounts = new long[chunks * _k];
        _chunkChanges = new int[chunks];
        _chunkInertia = new double[chunks];
        _centres = (double[])initialCentres.Clone();
        _newCentres = new double[_centres.Length];
    }

    public static KMeansRunResult Execute(FeatureMatrix x, double[] initialCentres, int maxIter, double scaledTolerance, KMeansAlgorithm algorithm, Parallelism parallelism)
    {
        var run = new KMeansRun(x, initialCentres, algorithm, parallelism);
        bool strict = false;
        int iterations = 0;
        for (int iter = 0; iter < maxIter; iter++)
        {
            int changes = run.Assign(first: iter == 0, accumulate: true);
            double shiftTotal = run.UpdateCentres();
            iterations = iter + 1;
            if (changes == 0)
            {
                strict = true;
                break;
            }

            if (shiftTotal <= scaledTolerance)
            {
                break;
            }
        }

        if (!run._hamerly)
        {
            // One pass gives the final labels and the inertia; after strict convergence it relabels nothing, since
            // the centres were recomputed from unchanged labels.
            run.Assign(first: false, accumulate: false);
            double inertia = 0;
            foreach (var part in run._chunkInertia)
            {
                inertia += part;
            }

            return new KMeansRunResult(run._centres, run._labels, inertia, iterations);
        }

        if (!strict)
        {
            run.Assign(first: false, accumulate: false);
        }

        return new KMeansRunResult(run._centres, run._labels, Inertia(x, run._centres, run._labels, parallelism), iterations);
    }

    /// <summary>Σ‖x − c(label)‖² over all rows, added in chunk order.</summary>
    public static double Inertia(FeatureMatrix x, double[] centres, int[] labels, Parallelism parallelism)
    {
        var data = x.Data;
        int d = x.Columns;
        return RowChunks.Sum(x.Rows, parallelism, (s, e) =>
        {
            double sum = 0;
            for (int i = s; i < e; i++)
            {
                sum += SquaredEuclidean.Distance(data.AsSpan(i * d, d), centres.AsSpan(labels[i] * d, d));
            }

            return sum;
        });
    }

    /// <summary>
    /// Assigns labels against <see cref="_centres"/> and returns how many changed. With <paramref name="accumulate"/>,
    /// each chunk records the change of the running cluster sums its moving points cause: after the first iterations
    /// few points move, so an iteration costs little more than the distances (scikit-learn re-adds every point).
    /// </summary>
    private int Assign(bool first, bool accumulate)
    {
        if (_hamerly)
        {
            ComputeHalfSeparation();
        }

        if (accumulate)
        {
            Array.Clear(_chunkSums);
            Array.Clear(_chunkCounts);
        }

        var distances = new CentreDistances(_centres, _d);
        RowChunks.For(_n, _parallelism, (chunk, s, e) =>
        {
            var sums = accumulate ? _chunkSums.AsSpan(chunk * _k * _d, _k * _d) : Span<double>.Empty;
            var counts = accumulate ? _chunkCounts.AsSpan(chunk * _k, _k) : Span<long>.Empty;
            if (_hamerly)
            {
                _chunkChanges[chunk] = AssignHamerly(distances, s, e, first, sums, counts);
            }
            else
            {
                _chunkChanges[chunk] = AssignLloyd(distances, s, e, sums, counts, out _chunkInertia[chunk]);
            }
        });
        int changes = 0;
        foreach (var c in _chunkChanges)
        {
            changes += c;
        }

        return changes;
    }

    /// <summary>Labels rows [start, end); unless <paramref name="counts"/> is empty, the rows that change cluster move
    /// their values between the clusters' sums; <paramref name="inertia"/> is the rows' Σ‖x − c‖².</summary>
    private int AssignLloyd(CentreDistances centres, int start, int end, Span<double> sums, Span<long> counts, out double inertia)
    {
        const int B = CentreDistances.BlockRows;
        int kp = centres.Padded;
        Span<double> dist = stackalloc double[B * kp];
        inertia = 0;
        int changes = 0;

        // Locals rather than fields: the stores into the sums could alias the fields and force reloads per row.
        int d = _d;
        var data = _data;
        ref int labels = ref MemoryMarshal.GetArrayDataReference(_labels);
        int i = start;
        for (; i + B <= end; i += B)
        {
            centres.ComputeBlock(data.AsSpan(i * d, B * d), dist);
            for (int r = 0; r < B; r++)
            {
                changes += Relabel(ref Unsafe.Add(ref labels, i + r), centres.ArgMin(dist.Slice(r * kp, kp), out double best), data.AsSpan((i + r) * d, d), sums, counts);
                inertia += best;
            }
        }

        for (; i < end; i++)
        {
            centres.Compute(data.AsSpan(i * d, d), dist);
            changes += Relabel(ref Unsafe.Add(ref labels, i), centres.ArgMin(dist, out double best), data.AsSpan(i * d, d), sums, counts);
            inertia += best;
        }

        return changes;
    }

    /// <summary>Sets a row's label and returns 1 if it changed; then, unless <paramref name="counts"/> is empty, moves
    /// the row's values from its old cluster's sum to its new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Relabel(ref int slot, int label, ReadOnlySpan<double> x, Span<double> sums, Span<long> counts)
    {
        int old = slot;
        if (old == label)
        {
            return 0;
        }

        slot = label;
        if (!counts.IsEmpty)
        {
            int d = x.Length;
            if (old >= 0)
            {
                SubtractFrom(sums.Slice(old * d, d), x);
                counts[old]--;
            }

            AddTo(sums.Slice(label * d, d), x);
            counts[label]++;
        }

        return 1;
    }

    private int AssignHamerly(CentreDistances centres, int start, int end, bool first, Span<double> sums, Span<long> counts)
    {
        // Rows whose bounds cannot rule out a change are gathered and measured four at a time.
        const int B = CentreDistances.BlockRows;
        var pending = ArrayPool<int>.Shared.Rent(end - start);
        var block = ArrayPool<double>.Shared.Rent(B * _d);
        Span<double> dist = stackalloc double[B * centres.Padded];
        int count = 0;
        int changes = 0;
        if (first)
        {
            // Every row needs all distances; rows are contiguous, so no gathering.
            int i = start;
            for (; i + B <= end; i += B)
            {
                centres.ComputeBlock(_data.AsSpan(i * _d, B * _d), dist);
                for (int r = 0; r < B; r++)
                {
                    changes += SetBounds(i + r, centres, dist.Slice(r * centres.Padded, centres.Padded), sums, counts);
                }
            }

            for (; i < end; i++)
            {
                pending[count++] = i;
            }
        }
        else
        {
            var labels = _labels.AsSpan(start, end - start);
            var uppers = _upper.AsSpan(start, end - start);
            var lowers = _lower.AsSpan(start, end - start);
            var shift = _shift.AsSpan(0, _k);
            var decrease = _lowerDecrease.AsSpan(0, _k);
            var half = _halfSeparation.AsSpan(0, _k);
            // Pass 1, branch-free: move the bounds by the centre shifts and list the rows they no longer settle.
            int candidates = 0;
            for (int r = 0; r < labels.Length; r++)
            {
                int label = labels[r];
                double upper = uppers[r] + shift[label];
                double lower = lowers[r] - decrease[label];
                uppers[r] = upper;
                lowers[r] = lower;
                pending[candidates] = r;
                candidates += upper > Math.Max(half[label], lower) ? 1 : 0;
            }

            // Pass 2: tighten each listed row's upper bound with one distance before paying for all k.
            for (int c = 0; c < candidates; c++)
            {
                int r = pending[c];
                int label = labels[r];
                int i = start + r;
                double upper = Math.Sqrt(SquaredEuclidean.Distance(_data.AsSpan(i * _d, _d), _centres.AsSpan(label * _d, _d)));
                uppers[r] = upper;
                pending[count] = i;
                count += upper > Math.Max(half[label], lowers[r]) ? 1 : 0;
            }
        }

        int p = 0;
        for (; p + B <= count; p += B)
        {
            for (int r = 0; r < B; r++)
            {
                _data.AsSpan(pending[p + r] * _d, _d).CopyTo(block.AsSpan(r * _d, _d));
            }

            centres.ComputeBlock(block, dist);
            for (int r = 0; r < B; r++)
            {
                changes += SetBounds(pending[p + r], centres, dist.Slice(r * centres.Padded, centres.Padded), sums, counts);
            }
        }

        for (; p < count; p++)
        {
            centres.Compute(_data.AsSpan(pending[p] * _d, _d), dist);
            changes += SetBounds(pending[p], centres, dist, sums, counts);
        }

        ArrayPool<double>.Shared.Return(block);
        ArrayPool<int>.Shared.Return(pending);
        return changes;
    }

    private int SetBounds(int row, CentreDistances centres, ReadOnlySpan<double> distances, Span<double> sums, Span<long> counts)
    {
        int label = centres.ArgMinTwo(distances, out double best, out double second);
        _upper[row] = Math.Sqrt(best);
        _lower[row] = Math.Sqrt(second);
        return Relabel(ref _labels[row], label, _data.AsSpan(row * _d, _d), sums, counts);
    }

    /// <summary>Half the distance from each centre to its nearest other centre (Hamerly's s(j)).</summary>
    private void ComputeHalfSeparation()
    {
        for (int j = 0; j < _k; j++)
        {
            double nearest = double.PositiveInfinity;
            for (int m = 0; m < _k; m++)
            {
                if (m != j)
                {
                    nearest = Math.Min(nearest, SquaredEuclidean.Distance(_centres.AsSpan(j * _d, _d), _centres.AsSpan(m * _d, _d)));
                }
            }

            _halfSeparation[j] = 0.5 * Math.Sqrt(nearest);
        }
    }

    /// <summary>Moves centres to the means of their points; returns Σ‖shift‖² and records per-centre shifts for the bounds.</summary>
    private double UpdateCentres()
    {
        int kd = _k * _d;

        // Chunk parts (the changes of the running sums caused by rows that changed cluster) are added in chunk order.
        int chunks = _chunkChanges.Length;
        for (int c = 0; c < chunks; c++)
        {
            var part = _chunkSums.AsSpan(c * kd, kd);
            for (int t = 0; t < kd; t++)
            {
                _sums[t] += part[t];
            }

            for (int j = 0; j < _k; j++)
            {
                _counts[j] += _chunkCounts[(c * _k) + j];
            }
        }

        RelocateEmptyClusters();
        for (int j = 0; j < _k; j++)
        {
            var target = _newCentres.AsSpan(j * _d, _d);
            if (_counts[j] > 0)
            {
                for (int t = 0; t < _d; t++)
                {
                    target[t] = _sums[(j * _d) + t] / _counts[j];
                }
            }
            else
            {
                _centres.AsSpan(j * _d, _d).CopyTo(target);
            }
        }

        double total = 0, maxShift = 0, secondShift = 0;
        int maxAt = -1;
        for (int j = 0; j < _k; j++)
        {
            double sq = SquaredEuclidean.Distance(_newCentres.AsSpan(j * _d, _d), _centres.AsSpan(j * _d, _d));
            total += sq;
            _shift[j] = Math.Sqrt(sq);
            if (_shift[j] > maxShift)
            {
                secondShift = maxShift;
                maxShift = _shift[j];
                maxAt = j;
            }
            else if (_shift[j] > secondShift)
            {
                secondShift = _shift[j];
            }
        }

        for (int j = 0; j < _k; j++)
        {
            _lowerDecrease[j] = j == maxAt ? secondShift : maxShift;
        }

        (_centres, _newCentres) = (_newCentres, _centres);
        return total;
    }

    /// <summary>
    /// Gives each empty cluster one of the points farthest from their current centre, moving that point out of its
    /// own cluster (scikit-learn's <c>_relocate_empty_clusters_dense</c>). The point is also relabelled, so that the
    /// running sums stay those of the labels, and its bounds are reset to force a fresh assignment.
    /// </summary>
    private void RelocateEmptyClusters()
    {
        int empty = 0;
        foreach (var c in _counts)
        {
            if (c == 0)
            {
                empty++;
            }
        }

        if (empty == 0)
        {
            return;
        }

        // The `empty` farthest points, farthest first; ties keep the lower row index.
        var far = new List<(double Distance, int Row)>(empty + 1);
        for (int i = 0; i < _n; i++)
        {
            double dist = SquaredEuclidean.Distance(_data.AsSpan(i * _d, _d), _centres.AsSpan(_labels[i] * _d, _d));
            if (far.Count < empty || dist > far[^1].Distance)
            {
                int at = far.Count;
                while (at > 0 && far[at - 1].Distance < dist)
                {
                    at--;
                }

                far.Insert(at, (dist, i));
                if (far.Count > empty)
                {
                    far.RemoveAt(far.Count - 1);
                }
            }
        }

        int next = 0;
        for (int j = 0; j < _k && next < far.Count; j++)
        {
            if (_counts[j] != 0)
            {
                continue;
            }

            int row = far[next++].Row;
            int from = _labels[row];
            var x = _data.AsSpan(row * _d, _d);
            SubtractFrom(_sums.AsSpan(from * _d, _d), x);
            x.CopyTo(_sums.AsSpan(j * _d, _d));
            _counts[from]--;
            _counts[j] = 1;
            _labels[row] = j;
            if (_hamerly)
            {
                _upper[row] = double.PositiveInfinity;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(Span<double> acc, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(acc[i..]) + new Vector<double>(x[i..])).CopyTo(acc[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            acc[i] += x[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractFrom(Span<double> acc, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(acc[i..]) - new Vector<double>(x[i..])).CopyTo(acc[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            acc[i] -= x[i];
        }
    }
}
