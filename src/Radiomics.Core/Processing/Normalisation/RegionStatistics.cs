namespace Radiomics.Processing.Normalisation;

/// <summary>
/// The statistics a normalisation needs from a set of intensities: mean and population standard deviation (the
/// z-score primitive, also PyRadiomics' <c>normalize</c>), and percentiles with linear interpolation between order
/// statistics (NumPy's default, so the values equal <c>numpy.percentile</c>).
/// </summary>
public static class RegionStatistics
{
    /// <summary>Mean and population standard deviation (two-pass, compensated), of finite values only.</summary>
    public static (double Mean, double StandardDeviation) MeanAndDeviation(ReadOnlySpan<double> values)
    {
        double sum = 0;
        long n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                n++;
            }
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        double mean = sum / n, squares = 0, correction = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                double d = v - mean;
                squares += d * d;
                correction += d;
            }
        }

        return (mean, Math.Sqrt(Math.Max(0, (squares - (correction * correction / n)) / n)));
    }

    /// <summary>Percentiles (0..100) of values already sorted ascending, interpolated linearly as NumPy does.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double position = percentile / 100 * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double t = position - below;
        return sorted[below] + (t * (sorted[above] - sorted[below]));
    }
}
