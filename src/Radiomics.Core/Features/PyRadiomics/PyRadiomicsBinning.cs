namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// PyRadiomics' discretisation (<c>getBinEdges</c> and <c>numpy.digitize</c>): bin i holds [edge(i−1), edge(i)).
/// </summary>
/// <remarks>
/// Differences from IBSI: with a fixed bin width the edges are multiples of the width (the first at or below the ROI
/// minimum), not offsets from the minimum, so X_b = ⌊X/W⌋ − ⌊min/W⌋ + 1; a maximum that is a multiple of the width
/// opens a bin of its own. With a fixed bin count the edges are numpy.histogram's, the last moved up by 1 so the
/// maximum falls in the top bin (as IBSI's formula also does).
/// </remarks>
internal static class PyRadiomicsBinning
{
    /// <summary>The bin edges for the ROI's values.</summary>
    public static double[] Edges(ReadOnlySpan<double> roiValues, double binWidth, int? binCount)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in roiValues)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (binCount is { } count)
        {
            double first = min, last = max;
            if (first == last)
            {
                first -= 0.5;
                last += 0.5;
            }

            var edges = new double[count + 1];
            double step = (last - first) / count;
            for (int i = 0; i <= count; i++)
            {
                edges[i] = (i * step) + first;
            }

            edges[count] = last + 1;
            return edges;
        }

        // Python's modulo takes the sign of the divisor.
        double mod = min % binWidth;
        if (mod != 0 && (mod < 0) != (binWidth < 0))
        {
            mod += binWidth;
        }

        double low = min - mod, high = max + (2 * binWidth);
        int n = (int)Math.Ceiling((high - low) / binWidth);
        if (n == 1)
        {
            return [low - 0.5, low + 0.5];
        }

        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = low + (i * binWidth);
        }

        return result;
    }

    /// <summary>numpy.digitize: the number of edges ≤ value.</summary>
    public static int Digitize(double value, double[] edges)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (edges[mid] <= value)
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

    /// <summary>The discretised volume: bin numbers (1-based) inside the ROI, 0 outside.</summary>
    public static int[] Discretise(PyRadiomicsVolume volume, double binWidth, int? binCount)
    {
        var edges = Edges(volume.RoiValues(), binWidth, binCount);
        var bins = new int[volume.Count];
        for (int i = 0; i < bins.Length; i++)
        {
            if (volume.Mask[i])
            {
                bins[i] = Digitize(volume.Intensities[i], edges);
            }
        }

        return bins;
    }
}
