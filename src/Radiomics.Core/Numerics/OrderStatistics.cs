namespace Radiomics.Numerics;

/// <summary>
/// The k-th smallest of a set of values without sorting it (Hoare's selection, "FIND", CACM 4(7), 1961): linear time
/// on average where a sort is n log n. NaN ranks below every number, as in <see cref="Array.Sort{T}(T[])"/>, so the
/// result equals <c>sorted[k]</c>.
/// </summary>
public static class OrderStatistics
{
    /// <summary>
    /// The value that <c>sorted[k]</c> would hold. Reorders <paramref name="values"/>: afterwards every value before
    /// index k ranks at or below it and every value after it at or above it, so a larger k can be selected from the
    /// tail next.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not an index of <paramref name="values"/>.</exception>
    public static float Select(Span<float> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        int nans = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                (values[i], values[nans]) = (values[nans], values[i]);
                nans++;
            }
        }

        return k < nans ? float.NaN : SelectNumbers(values[nans..], k - nans);
    }

    private static float SelectNumbers(Span<float> v, int k)
    {
        int lo = 0, hi = v.Length - 1;
        while (hi > lo)
        {
            // Median of three as the pivot: sorted or constant runs (common in images) do not degrade to quadratic.
            int mid = lo + ((hi - lo) >> 1);
            if (v[mid] < v[lo])
            {
                (v[mid], v[lo]) = (v[lo], v[mid]);
            }

            if (v[hi] < v[lo])
            {
                (v[hi], v[lo]) = (v[lo], v[hi]);
            }

            if (v[hi] < v[mid])
            {
                (v[hi], v[mid]) = (v[mid], v[hi]);
            }

            float pivot = v[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (v[i] < pivot)
                {
                    i++;
                }

                while (pivot < v[j])
                {
                    j--;
                }

                if (i <= j)
                {
                    (v[i], v[j]) = (v[j], v[i]);
                    i++;
                    j--;
                }
            }

            // Now v[lo..j] <= pivot <= v[i..hi], and anything between equals the pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return v[k];
            }
        }

        return v[k];
    }
}
