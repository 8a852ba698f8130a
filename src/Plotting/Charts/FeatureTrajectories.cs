using Radiomics.Tables;

namespace Radiomics.Plotting.Charts;

/// <summary>One observation of a feature: a subject's value at a time (days from baseline, or a scan index).</summary>
public readonly record struct TrajectoryPoint(string Subject, double Time, double Value);

/// <summary>
/// A feature over time, one line per subject; optionally as percent change from each subject's first time point
/// (the usual delta-radiomics view), with a dashed zero line.
/// </summary>
public static class FeatureTrajectories
{
    public static Figure Create(IEnumerable<TrajectoryPoint> points, string featureName, bool percentChange = false, string timeTitle = "days from baseline")
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureName);
        var bySubject = points.GroupBy(p => p.Subject, StringComparer.Ordinal).ToList();
        if (bySubject.Count == 0)
        {
            throw new ArgumentException("No trajectory points to plot.", nameof(points));
        }

        var traces = new List<Trace>();
        int index = 0;
        foreach (var subject in bySubject)
        {
            var ordered = subject.OrderBy(p => p.Time).ToArray();
            double baseline = ordered[0].Value;
            double[] y = percentChange
                ? [.. ordered.Select(p => baseline == 0 ? double.NaN : 100 * (p.Value - baseline) / Math.Abs(baseline))]
                : [.. ordered.Select(p => p.Value)];
            traces.Add(new ScatterTrace
            {
                Name = subject.Key,
                X = ordered.Select(p => p.Time).ToArray(),
                Y = y,
                Mode = ScatterMode.Lines | ScatterMode.Markers,
                Line = new Line { Color = Palette.Color(index) },
                Marker = new Marker { Color = Palette.Color(index), Size = 7 },
                HoverTemplate = $"{subject.Key}<br>%{{x}}: %{{y:.4g}}{(percentChange ? " %" : "")}<extra></extra>",
            });
            index++;
        }

        if (percentChange)
        {
            double[] range = [bySubject.Min(g => g.Min(p => p.Time)), bySubject.Max(g => g.Max(p => p.Time))];
            traces.Add(new ScatterTrace { Name = "baseline", X = range, Y = new[] { 0.0, 0.0 }, Mode = ScatterMode.Lines, Line = new Line { Color = "#888", Dash = LineDash.Dash, Width = 1 }, ShowLegend = false, HoverTemplate = "baseline<extra></extra>" });
        }

        return new Figure(traces, new Layout
        {
            Title = featureName,
            XAxis = new Axis { Title = timeTitle },
            YAxis = new Axis { Title = percentChange ? "change from baseline (%)" : featureName },
            HoverMode = "closest",
        });
    }

    /// <summary>
    /// Trajectories of one feature of a feature table: <paramref name="feature"/> is a column name
    /// (<see cref="FeatureRow.ColumnName"/>), an IBSI code or a feature name, and must pick one value per subject and
    /// time point. Time is <paramref name="days"/>[time point] when given, else the order of first appearance.
    /// </summary>
    public static Figure Create(FeatureTable table, string feature, IReadOnlyDictionary<string, double>? days = null, bool percentChange = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        var rows = table.Where(r => r.ColumnName == feature || r.IbsiCode == feature || r.Feature == feature).ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException($"No feature '{feature}' (column name, IBSI code or feature name) in the table.", nameof(feature));
        }

        var duplicate = rows.GroupBy(r => (r.Subject, r.TimePoint, r.Region)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"'{feature}' matches several values for subject '{duplicate.Key.Subject}' at '{duplicate.Key.TimePoint}' ({string.Join(", ", duplicate.Select(r => r.ColumnName))}); give a full column name.",
                nameof(feature));
        }

        var order = rows.Select(r => r.TimePoint).Distinct(StringComparer.Ordinal).Select((t, i) => (t, i)).ToDictionary(p => p.t, p => (double)p.i, StringComparer.Ordinal);
        double Time(string timePoint) => days is null
            ? order[timePoint]
            : days.TryGetValue(timePoint, out double d) ? d : throw new ArgumentException($"No day given for time point '{timePoint}'.", nameof(days));
        bool severalRegions = rows.Select(x => x.Region).Distinct(StringComparer.Ordinal).Count() > 1;
        string Line(FeatureRow r) => severalRegions ? $"{r.Subject} {r.Region}" : r.Subject;
        return Create(rows.Select(r => new TrajectoryPoint(Line(r), Time(r.TimePoint), r.Value)), rows[0].ColumnName, percentChange, days is null ? "time point" : "days from baseline");
    }
}
