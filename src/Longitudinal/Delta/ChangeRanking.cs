namespace Radiomics.Longitudinal.Delta;

/// <summary>
/// Which features changed most, ranked robustly. Relative change (%) ranks features near zero first (skewness going
/// from 0.01 to 0.2 is +1900 %), so the ranking uses each feature's change in units of its own spread over the cohort's
/// scans (baseline and follow-up values of every subject), and the median over subjects, so one subject cannot carry a
/// feature to the top.
/// </summary>
public static class ChangeRanking
{
    /// <summary>
    /// The <paramref name="count"/> features with the largest absolute standardised change at each subject's last
    /// time point. Features constant over the cohort (zero spread) or with non-finite values are left out.
    /// </summary>
    public static IReadOnlyList<RankedChange> Largest(DeltaTable deltas, int count, Func<DeltaRow, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var absolute = deltas.OfKind(DeltaKind.Absolute).Where(r => include is null || include(r)).ToList();
        var ranked = new List<RankedChange>();
        foreach (var feature in absolute.GroupBy(r => (r.ImageType, r.Family, r.Feature, r.Aggregation, r.Variant)))
        {
            var rows = feature.ToList();
            if (rows.Any(r => !double.IsFinite(r.Baseline) || !double.IsFinite(r.FollowUp)))
            {
                continue;
            }

            // Every scan once: each subject's baseline and each follow-up.
            var values = rows.GroupBy(r => r.Subject).SelectMany(g => g.Select(r => r.FollowUp).Prepend(g.First().Baseline)).ToArray();
            double spread = StandardDeviation(values);
            if (!(spread > 1e-12 * Math.Max(1, values.Max(Math.Abs))))
            {
                continue;
            }

            var last = rows.GroupBy(r => r.Subject).Select(g => g.MaxBy(r => r.Day)!).ToList();
            ranked.Add(new RankedChange(
                feature.Key.ImageType, feature.Key.Family, feature.Key.Feature, feature.Key.Aggregation, feature.Key.Variant, last.Count,
                Median(last.Select(r => (r.FollowUp - r.Baseline) / spread)),
                Median(last.Where(r => r.Baseline != 0).Select(r => 100 * (r.FollowUp - r.Baseline) / Math.Abs(r.Baseline)))));
        }

        return [.. ranked.OrderByDescending(r => Math.Abs(r.StandardisedChange)).ThenBy(r => r.Label, StringComparer.Ordinal).Take(count)];
    }

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
