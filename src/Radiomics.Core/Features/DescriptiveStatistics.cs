namespace Radiomics.Features;

/// <summary>
/// The statistics that the intensity-based statistical family and the intensity histogram family share, computed
/// once from a sorted sample. Percentiles interpolate linearly between order statistics (numpy's default, the
/// convention behind the IBSI reference values).
/// </summary>
internal readonly record struct DescriptiveStatistics(
    double Mean, double Variance, double Skewness, double Kurtosis, double Median, double Minimum, double Maximum,
    double P10, double P25, double P75, double P90, double MeanAbsoluteDeviation, double RobustMeanAbsoluteDeviation,
    double MedianAbsoluteDeviation, double Energy)
{
    public double InterquartileRange => P75 - P25;

    public double Range => Maximum - Minimum;

    public double CoefficientOfVariation => Math.Sqrt(Variance) / Mean;

    public double QuartileCoefficientOfDispersion => (P75 - P25) / (P75 + P25);

    /// <param name="sorted">The sample in increasing order, not empty.</param>
    public static DescriptiveStatistics Of(ReadOnlySpan<double> sorted)
    {
        int n = sorted.Length;
        double sum = 0, sumSquares = 0;
        foreach (var x in sorted)
        {
            sum += x;
            sumSquares += x * x;
        }

        double mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0, mad = 0;
        foreach (var x in sorted)
        {
            double d = x - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            mad += Math.Abs(d);
        }

        m2 /= n;
        m3 /= n;
        m4 /= n;
        double median = Percentile(sorted, 0.5);
        double p10 = Percentile(sorted, 0.1), p90 = Percentile(sorted, 0.9);
        double medianAbsolute = 0;
        foreach (var x in sorted)
        {
            medianAbsolute += Math.Abs(x - median);
        }

        return new DescriptiveStatistics(
            Mean: mean,
            Variance: m2,
            // The manual defines skewness and kurtosis as 0 when the variance is 0.
            Skewness: m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0,
            Kurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : 0,
            Median: median,
            Minimum: sorted[0],
            Maximum: sorted[^1],
            P10: p10,
            P25: Percentile(sorted, 0.25),
            P75: Percentile(sorted, 0.75),
            P90: p90,
            MeanAbsoluteDeviation: mad / n,
            RobustMeanAbsoluteDeviation: RobustMad(sorted, p10, p90),
            MedianAbsoluteDeviation: medianAbsolute / n,
            Energy: sumSquares);
    }

    /// <summary>Percentile <paramref name="p"/> (0..1) by linear interpolation between closest ranks (numpy "linear").</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Mean absolute deviation of the values within [P10, P90] from their own mean; NaN when no value lies there
    /// (two distinct values: both percentiles fall strictly between them).
    /// </summary>
    internal static double RobustMad(ReadOnlySpan<double> sorted, double p10, double p90)
    {
        double sum = 0;
        int count = 0;
        foreach (var x in sorted)
        {
            if (x >= p10 && x <= p90)
            {
                sum += x;
                count++;
            }
        }

        double mean = sum / count, deviation = 0;
        foreach (var x in sorted)
        {
            if (x >= p10 && x <= p90)
            {
                deviation += Math.Abs(x - mean);
            }
        }

        return deviation / count;
    }
}
