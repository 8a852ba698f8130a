namespace Radiomics.Longitudinal.Delta;

/// <summary>The delta-radiomics formulas. Undefined cases give NaN rather than an exception, so a table of hundreds of
/// features is never stopped by one feature that is zero at baseline; NaN marks the value as not computable.</summary>
public static class DeltaDefinitions
{
    /// <summary>Change of one feature from <paramref name="baseline"/> to <paramref name="followUp"/>.</summary>
    public static double Compute(DeltaKind kind, double baseline, double followUp) => kind switch
    {
        DeltaKind.Absolute => followUp - baseline,
        DeltaKind.RelativePercent => baseline == 0 ? double.NaN : 100.0 * (followUp - baseline) / Math.Abs(baseline),
        DeltaKind.LogRatio => baseline > 0 && followUp > 0 ? Math.Log(followUp / baseline) : double.NaN,
        DeltaKind.SlopePerDay => throw new ArgumentException("A slope needs all time points; use SlopePerDay(days, values).", nameof(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Ordinary least-squares slope of <paramref name="values"/> against <paramref name="days"/>; NaN with fewer than
    /// two distinct days or any non-finite value.
    /// </summary>
    public static double SlopePerDay(ReadOnlySpan<double> days, ReadOnlySpan<double> values)
    {
        if (days.Length != values.Length)
        {
            throw new ArgumentException($"{days.Length} days but {values.Length} values.", nameof(values));
        }

        int n = days.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(days[i]) || !double.IsFinite(values[i]))
            {
                return double.NaN;
            }

            meanX += days[i];
            meanY += values[i];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = days[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (values[i] - meanY);
        }

        return sxx == 0 ? double.NaN : sxy / sxx;
    }
}
