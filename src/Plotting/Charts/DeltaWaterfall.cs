using System.Globalization;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// A waterfall plot: bars sorted from largest increase to largest decrease, coloured by sign, with optional
/// threshold lines (e.g. ±30 % as in RECIST-style response categories). Used across features for one subject, or
/// across subjects for one feature.
/// </summary>
public static class DeltaWaterfall
{
    public static Figure Create(IEnumerable<(string Label, double Delta)> deltas, string valueTitle = "change from baseline (%)", IReadOnlyList<double>? thresholds = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var sorted = deltas.Where(d => double.IsFinite(d.Delta)).OrderByDescending(d => d.Delta).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No finite deltas to plot.", nameof(deltas));
        }

        string[] labels = [.. sorted.Select(d => d.Label)];
        var traces = new List<Trace>
        {
            new BarTrace
            {
                Name = "delta",
                X = labels,
                Y = sorted.Select(d => d.Delta).ToArray(),
                Marker = new Marker { Color = sorted.Select(d => d.Delta >= 0 ? "#D55E00" : "#0072B2").ToArray() },
                HoverTemplate = "%{x}: %{y:.3g}<extra></extra>",
                ShowLegend = false,
            },
        };
        foreach (var t in thresholds ?? [])
        {
            traces.Add(new ScatterTrace
            {
                Name = t.ToString("+0.##;-0.##", CultureInfo.InvariantCulture),
                X = new[] { labels[0], labels[^1] },
                Y = new[] { t, t },
                Mode = ScatterMode.Lines,
                Line = new Line { Color = "#666", Dash = LineDash.Dash, Width = 1 },
                ShowLegend = false,
                HoverTemplate = "threshold %{y}<extra></extra>",
            });
        }

        return new Figure(traces, new Layout
        {
            Title = title is null ? null : new Title(title),
            // Long feature names: automargin grows the bottom margin to the rotated labels, and the margin set here
            // (about 5 px per character at 45°) gives plotly.js room before it measures them, so no label is clipped.
            XAxis = new Axis { Type = AxisType.Category, TickAngle = labels.Length > 8 ? -45 : null, AutoMargin = true },
            YAxis = new Axis { Title = valueTitle, ZeroLine = true, AutoMargin = true },
            Margin = labels.Length > 8 ? new Margin { B = Math.Min(400, 40 + (5 * labels.Max(l => l.Length))) } : null,
            Height = labels.Length > 8 ? 480 + Math.Min(300, 5 * labels.Max(l => l.Length)) : null,
        });
    }
}
