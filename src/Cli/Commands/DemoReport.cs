using System.Globalization;
using System.Net;
using System.Text;
using Radiomics.IO;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.Plotting;

namespace Radiomics.Cli.Commands;

/// <summary>The demo's HTML report: the check against the truth, registration figures, habitat fractions and transitions, and the largest feature changes.</summary>
internal static class DemoReport
{
    public static void Write(StudyResult result, IReadOnlyList<DemoCheck.Row> check, StudySettings settings, Cohort cohort, string root)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>radiomics demo report</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}td:first-child,td:nth-child(2){text-align:left}")
            .Append(".pass{color:#060}.fail{color:#b00}</style>")
            .Append(PlotlySource.Default.ScriptElement()).Append("</head><body>")
            .Append("<h1>Longitudinal radiomics demo</h1>")
            .Append(Inv($"<p>{result.Features.Select(r => r.Subject).Distinct().Count()} synthetic patients, {result.Registrations.Count} follow-ups registered with their baselines; {result.Features.Count} feature values and {result.Deltas.Rows.Count} deltas in {result.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores.</p>"));

        html.Append("<h2>Changes against the planted truth</h2><p>Volume change: relative delta of the mesh volume (IBSI RNU0); Jacobian: the registration's volume change over the follow-up tumour; Dice: the baseline mask propagated by the registration against the follow-up mask. Mean Δ: absolute delta of the tumour's mean intensity (IBSI Q4LE) against the true change (true mask, native grid). Core: fraction of habitat 1 against the true necrotic fraction; viable→core: share of baseline habitat-2 voxels in habitat 1 at the follow-up.</p>");
        Table(html, ["subject", "time point", "volume Δ true", "measured", "error", "Jacobian", "Dice", "mean Δ HU true", "measured", "core true", "measured", "viable→core"], check.Select(r => new[]
        {
            r.Subject, r.TimePoint, DemoCheck.Percent(r.TrueVolumeRatio - 1), DemoCheck.Percent(r.MeasuredVolumeRatio - 1),
            $"<span class=\"{(r.Passes ? "pass" : "fail")}\">{DemoCheck.Percent(r.VolumeError)}</span>", DemoCheck.Percent(r.JacobianVolumeRatio - 1),
            F(r.Dice, "F3"), F(r.ExpectedMeanChange, "F1"), F(r.MeasuredMeanChange, "F1"), F(r.TrueCoreFraction, "P0"), F(r.MeasuredCoreFraction, "P0"), F(r.ViableToCore, "P0"),
        }));

        var figures = DemoFigures.Create(result, cohort, settings);
        if (figures.Count > 0)
        {
            html.Append("<h2>Figures</h2><p>Interactive Plotly figures (plotly.js is embedded in this page: it works offline).</p>");
            foreach (var (heading, figure) in figures)
            {
                html.Append("<h3>").Append(WebUtility.HtmlEncode(heading)).Append("</h3>").Append(figure.ToHtmlElement());
            }
        }

        html.Append("<h2>Registration</h2>");
        Table(html, ["subject", "time point", "mask", "metric", "seconds", "minimum Jacobian"], result.Registrations.Select(r => new[]
        {
            r.Subject, r.TimePoint, r.MaskSource, F(r.MetricValue, "F4"), F(r.Seconds, "F1"), F(r.MinimumJacobian, "F3"),
        }));

        var fractions = result.Features.Where(r => r.Family == "habitat" && r.Feature == "Fraction").ToList();
        if (fractions.Count > 0)
        {
            html.Append("<h2>Habitat fractions</h2><p>Habitats are ordered by mean intensity: 1 is the darkest (necrotic core), the highest the brightest (enhancing rim).</p>");
            var variants = fractions.Select(r => r.Variant).Distinct().Order(StringComparer.Ordinal).ToArray();
            Table(html, ["subject", "time point", .. variants], fractions.GroupBy(r => (r.Subject, r.TimePoint)).Select(g =>
                new[] { g.Key.Subject, g.Key.TimePoint }.Concat(variants.Select(v => F(g.First(r => r.Variant == v).Value, "P1"))).ToArray()));
        }

        if (result.Transitions.Count > 0)
        {
            html.Append("<h2>Habitat transitions from baseline</h2><p>Share of each baseline habitat's voxels (carried to the follow-up by the registration) found in each habitat now; 0 is outside the tumour.</p>");
            Table(html, ["subject", "to", "from", "to habitat", "fraction", "volume (mL)"], result.Transitions.Where(t => t.FromHabitat > 0 && t.FractionOfFrom > 0.05).Select(t => new[]
            {
                t.Subject, t.ToTimePoint, t.FromHabitat.ToString(CultureInfo.InvariantCulture), t.ToHabitat.ToString(CultureInfo.InvariantCulture), F(t.FractionOfFrom, "P1"), F(t.VolumeMm3 / 1000, "F2"),
            }));
        }

        html.Append("<h2>Largest changes (last time point)</h2><p>Ranked by the median over patients of each feature's change in units of its standard deviation over the cohort's scans, so features near zero (whose relative change is huge) do not lead; the median relative change is given for reading.</p>");
        Table(html, ["family", "feature", "aggregation / variant", "change (cohort SDs)", "median relative change"], ChangeRanking.Largest(result.Deltas, 25).Select(x => new[]
        {
            x.Family, x.Feature, string.Join(" ", new[] { x.Aggregation, x.Variant }.Where(s => s.Length > 0)), F(x.StandardisedChange, "+0.00;-0.00"), F(x.MedianRelativePercent, "F1") + " %",
        }));

        html.Append("<h2>Settings</h2><pre>").Append(WebUtility.HtmlEncode(System.Text.Json.JsonSerializer.Serialize(settings, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })))
            .Append("</pre></body></html>");
        AtomicFile.WriteAllText(Path.Combine(root, "report.html"), html.ToString());
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        html.Append("<table><tr>");
        foreach (var h in header)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                // Cells holding markup come from this class; everything else is encoded.
                html.Append("<td>").Append(cell.StartsWith("<span", StringComparison.Ordinal) ? cell : WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
