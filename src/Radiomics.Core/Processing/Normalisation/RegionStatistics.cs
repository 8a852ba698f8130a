namespace Radiomics.Processing.Normalisation;

/// <summary>
/// The statistics a normalisation needs from a set of intensities: mean and population standard deviation (the
/// z-score primitive, also PyRadiomics' <c>normalize</c>), and percentiles with linear interpolation between order
/// statistics (NumPy's default, so the values equal <c>numpy.percentile</c>).
/// </summary>
public static class RegionStatistics
{
    /// <summary>Mean of the finite values (NaN when there are none) and how many there are; NaN and infinities are left out.</summary>
    public static (double Mean, long Count) FiniteMean<T>(ReadOnlySpan<T> values)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        double sum = 0;
        long n = 0;
        foreach (var v in values)
        {
            if (T.IsFinite(v))
            {
                sum += double.CreateTruncating(v);
                n++;
            }
        }

        return (n > 0 ? sum / n : double.NaN, n);
    }

    /// <summary>Mean and population standard deviation (two-pass, compensated), of finite values only.</summary>
    public static (double Mean, double StandardDeviation) MeanAndDeviation(ReadOnlySpan<double> values)
    {
        var (mean, n) = FiniteMean(values);
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        double squares = 0, correction = 0;
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
