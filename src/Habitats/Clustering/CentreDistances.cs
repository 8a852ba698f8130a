using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Squared Euclidean distances from rows to a small set of centres, vectorised across centres: the centres are stored
/// transposed (feature-major, padded to a whole number of <see cref="Vector{T}"/> lanes), so one fused multiply-add
/// updates the distances to several centres at once, and four rows are processed together to keep four independent
/// accumulator chains in flight. This is the role BLAS GEMM plays in scikit-learn, without its ‖x‖²−2x·c+‖c‖²
/// cancellation: each lane accumulates Σ(x−c)² directly.
/// </summary>
internal sealed class CentreDistances
{
    /// <summary>Rows per <see cref="ComputeBlock"/> call.</summary>
    public const int BlockRows = 4;

    private readonly double[] _transposed;
    private readonly int _d;
    private readonly int _lanes;

    public CentreDistances(ReadOnlySpan<double> centres, int columns)
    {
        _d = columns;
        Count = centres.Length / columns;
        int w = Vector<double>.Count;
        _lanes = (Count + w - 1) / w;
        Padded = _lanes * w;
        // Padding centres lie at +∞, so their lanes never win a minimum and the arg-min needs no lane mask.
        _transposed = new double[_d * Padded];
        Array.Fill(_transposed, double.PositiveInfinity);
        for (int j = 0; j < Count; j++)
        {
            for (int t = 0; t < _d; t++)
            {
                _transposed[(t * Padded) + j] = centres[(j * _d) + t];
            }
        }
    }

    /// <summary>Whether the distances of a row to <paramref name="centres"/> centres fill at most two vectors.</summary>
    public static bool FitTwoVectors(int centres) => centres <= 2 * Vector<double>.Count;

    /// <summary>Number of centres.</summary>
    public int Count { get; }

    /// <summary>Distances written per row (the centre count rounded up to whole vectors; extra lanes hold +∞).</summary>
    public int Padded { get; }

    /// <summary>Distances of one row to every centre into <paramref name="distances"/>[0..<see cref="Padded"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Compute(ReadOnlySpan<double> row, Span<double> distances)
    {
        int w = Vector<double>.Count;
        ref double ct = ref MemoryMarshal.GetArrayDataReference(_transposed);
        ref double px = ref MemoryMarshal.GetReference(row);
        ref double pd = ref MemoryMarshal.GetReference(distances);
        for (int b = 0; b < _lanes; b++)
        {
            // One accumulator chain in the same order as ComputeBlock, so a row gets bit-identical distances either way.
            var acc = Vector<double>.Zero;
            for (int t = 0; t < _d; t++)
            {
                var diff = new Vector<double>(Unsafe.Add(ref px, t)) - Vector.LoadUnsafe(ref ct, (nuint)((t * Padded) + (b * w)));
                acc = Vector.FusedMultiplyAdd(diff, diff, acc);
            }

            acc.StoreUnsafe(ref pd, (nuint)(b * w));
        }
    }

    /// <summary>
    /// Distances of <see cref="BlockRows"/> consecutive rows (<paramref name="rows"/> holds them contiguously) into
    /// <paramref name="distances"/>, row r at [r·<see cref="Padded"/>, (r+1)·<see cref="Padded"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ComputeBlock(ReadOnlySpan<double> rows, Span<double> distances)
    {
        int w = Vector<double>.Count, kp = Padded;
        if (rows.Length < BlockRows * _d || distances.Length < BlockRows * kp)
        {
            throw new ArgumentException("Block buffers are too short.", nameof(rows));
        }

        // Walking references instead of index arithmetic keeps the inner loop to loads, subtractions and FMAs.
        nuint d = (nuint)_d;
        ref double x0 = ref MemoryMarshal.GetReference(rows);
        ref double x1 = ref Unsafe.Add(ref x0, d);
        ref double x2 = ref Unsafe.Add(ref x1, d);
        ref double x3 = ref Unsafe.Add(ref x2, d);
        ref double pd = ref MemoryMarshal.GetReference(distances);
        for (int b = 0; b < _lanes; b++)
        {
            ref double c = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_transposed), b * w);
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            for (nuint t = 0; t < d; t++)
            {
                var cv = Vector.LoadUnsafe(ref c);
                c = ref Unsafe.Add(ref c, kp);
                var d0 = new Vector<double>(Unsafe.Add(ref x0, t)) - cv;
                a0 = Vector.FusedMultiplyAdd(d0, d0, a0);
                var d1 = new Vector<double>(Unsafe.Add(ref x1, t)) - cv;
                a1 = Vector.FusedMultiplyAdd(d1, d1, a1);
                var d2 = new Vector<double>(Unsafe.Add(ref x2, t)) - cv;
                a2 = Vector.FusedMultiplyAdd(d2, d2, a2);
                var d3 = new Vector<double>(Unsafe.Add(ref x3, t)) - cv;
                a3 = Vector.FusedMultiplyAdd(d3, d3, a3);
            }

            a0.StoreUnsafe(ref pd, (nuint)(b * w));
            a1.StoreUnsafe(ref pd, (nuint)(kp + (b * w)));
            a2.StoreUnsafe(ref pd, (nuint)((2 * kp) + (b * w)));
            a3.StoreUnsafe(ref pd, (nuint)((3 * kp) + (b * w)));
        }
    }

    /// <summary>Index of the smallest of the first <see cref="Count"/> distances (first wins ties).</summary>
    /// <remarks>
    /// Branch-free: the labels of neighbouring rows are unrelated, so a compare-and-branch per centre mispredicts
    /// about once a row. The minimum is reduced across vectors, then the lanes equal to it are collected into one bit
    /// mask whose lowest set bit is the first centre with that distance.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ArgMin(ReadOnlySpan<double> distances, out double best)
    {
        if (!Wide || distances.Length < Padded)
        {
            return ArgMinScalar(distances, out best);
        }

        ref double pd = ref MemoryMarshal.GetReference(distances);
        var min = Vector256.LoadUnsafe(ref pd);
        for (int b = 1; b < _lanes; b++)
        {
            min = Vector256.MinNative(min, Vector256.LoadUnsafe(ref pd, (nuint)(b * 4)));
        }

        var broadcast = HorizontalMin(min);
        best = broadcast.ToScalar();
        uint mask = 0;
        for (int b = 0; b < _lanes; b++)
        {
            mask |= Vector256.Equals(Vector256.LoadUnsafe(ref pd, (nuint)(b * 4)), broadcast).ExtractMostSignificantBits() << (b * 4);
        }

        return BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>Nearest and second-nearest centre (Hamerly's bounds need both); second is +∞ with one centre.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ArgMinTwo(ReadOnlySpan<double> distances, out double best, out double second)
    {
        if (!Wide || distances.Length < Padded)
        {
            return ArgMinTwoScalar(distances, out best, out second);
        }

        int label = ArgMin(distances, out best);

        // The runner-up is the minimum with the winner's lane alone set to +∞ (a tie keeps second == best).
        ref double pd = ref MemoryMarshal.GetReference(distances);
        var inf = Vector256.Create(double.PositiveInfinity);
        var winner = Vector256.Create((long)label);
        var lane = Vector256<long>.Indices;
        var min = inf;
        for (int b = 0; b < _lanes; b++)
        {
            var v = Vector256.ConditionalSelect(Vector256.Equals(lane, winner).AsDouble(), inf, Vector256.LoadUnsafe(ref pd, (nuint)(b * 4)));
            min = Vector256.MinNative(min, v);
            lane += Vector256.Create(4L);
        }

        second = HorizontalMin(min).ToScalar();
        return label;
    }

    /// <summary>Whether the arg-min runs on 256-bit vectors: the centre vectors are four doubles and at most 32 centres
    /// fit one bit mask.</summary>
    private bool Wide => Vector<double>.Count == 4 && Vector256.IsHardwareAccelerated && Padded <= 32;

    /// <summary>The smallest lane, broadcast to all lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> HorizontalMin(Vector256<double> v)
    {
        v = Vector256.MinNative(v, Vector256.Shuffle(v, Vector256.Create(2L, 3, 0, 1)));
        return Vector256.MinNative(v, Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2)));
    }

    private int ArgMinScalar(ReadOnlySpan<double> distances, out double best)
    {
        int label = 0;
        best = distances[0];
        for (int j = 1; j < Count; j++)
        {
            if (distances[j] < best)
            {
                best = distances[j];
                label = j;
            }
        }

        return label;
    }

    private int ArgMinTwoScalar(ReadOnlySpan<double> distances, out double best, out double second)
    {
        int label = 0;
        best = distances[0];
        second = double.PositiveInfinity;
        for (int j = 1; j < Count; j++)
        {
            double v = distances[j];
            if (v < best)
            {
                second = best;
                best = v;
                label = j;
            }
            else if (v < second)
            {
                second = v;
            }
        }

        return label;
    }
}
