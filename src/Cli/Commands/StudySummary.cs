using System.Globalization;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Tables;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>What a study run prints at the end: problems, per-follow-up registration figures, and where the tables are.</summary>
internal static class StudySummary
{
    public static void Write(IAnsiConsole console, OutputFormat format, StudyResult result)
    {
        foreach (var problem in result.Validation.Problems)
        {
            TableOutput.Message(console, format, $"[yellow]{Markup.Escape(problem.ToString())}[/]");
        }

        foreach (var (subject, message) in result.Failed)
        {
            TableOutput.Message(console, format, $"[red]failed:[/] {Markup.Escape(subject)}: {Markup.Escape(message)}");
        }

        if (result.Registrations.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Follow-ups registered with baseline");
            foreach (var column in new[] { "subject", "time point", "mask", "volume change", "Jacobian volume change", "Dice", "seconds" })
            {
                table.AddColumn(new TableColumn(column) { Alignment = column is "subject" or "time point" or "mask" ? Justify.Left : Justify.Right });
            }

            foreach (var r in result.Registrations)
            {
                table.AddRow(
                    Markup.Escape(r.Subject), Markup.Escape(r.TimePoint), r.MaskSource, Percent(r.MaskVolumeRatio - 1), Percent(r.JacobianVolumeRatio - 1),
                    double.IsNaN(r.Dice) ? "–" : r.Dice.ToString("F3", CultureInfo.InvariantCulture), r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
            }

            TableOutput.Print(console, format, new ResultTable(
                ["subject", "timepoint", "mask", "mask_volume_ratio", "jacobian_volume_ratio", "dice", "seconds"],
                result.Registrations.Select(r => (IReadOnlyList<object?>)[r.Subject, r.TimePoint, r.MaskSource, r.MaskVolumeRatio, r.JacobianVolumeRatio, r.Dice, r.Seconds])),
                table);
        }

        var layout = result.Layout;
        TableOutput.Message(console, format, string.Create(CultureInfo.InvariantCulture,
            $"[green]{result.Computed.Count} subject(s) computed, {result.Resumed.Count} reused[/] in {result.Elapsed.TotalSeconds:F1} s; {result.Features.Count} feature values, {result.Deltas.Rows.Count} deltas"));
        if (File.Exists(layout.Stability))
        {
            TableOutput.Message(console, format, $"Feature stability (ICC across mask perturbations): {Markup.Escape(Path.GetFileName(layout.Stability))}, stable features in {Markup.Escape(Path.GetFileName(layout.StableFeatures))}");
        }

        if (File.Exists(layout.KSelection))
        {
            TableOutput.Message(console, format, $"Number of habitats chosen on the baselines: scores per k in {Markup.Escape(Path.GetFileName(layout.KSelection))} (summary in {Markup.Escape(Path.GetFileName(layout.StudyJson))})");
        }

        if (result.HabitatFeatures.Count > 0 || result.HabitatFeatureSkips.Count > 0)
        {
            TableOutput.Message(console, format, string.Create(CultureInfo.InvariantCulture,
                $"Per-habitat features: {result.HabitatFeatures.Count} values in {Markup.Escape(Path.GetFileName(layout.HabitatFeatures))}, their changes in {Markup.Escape(Path.GetFileName(layout.HabitatDeltas))}")
                + (result.HabitatFeatureSkips.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {result.HabitatFeatureSkips.Count} habitat(s) or families too small, listed in {Markup.Escape(Path.GetFileName(layout.HabitatFeaturesSkipped))}") : ""));
        }

        if (result.DeltaVoxels.Count > 0)
        {
            TableOutput.Message(console, format, $"Delta voxel maps (each follow-up's change in the baseline frame): subjects/<id>/maps/<tp>_delta*.nii.gz, summary in {Markup.Escape(Path.GetFileName(layout.DeltaVoxels))}");
        }

        TableOutput.Message(console, format, $"Tables: {Markup.Escape(layout.Features)}, {Markup.Escape(Path.GetFileName(layout.FeaturesWide))}, {Markup.Escape(Path.GetFileName(layout.Deltas))}, {Markup.Escape(Path.GetFileName(layout.Registrations))}, {Markup.Escape(Path.GetFileName(layout.Transitions))}, {Markup.Escape(Path.GetFileName(layout.StudyJson))}");
    }

    private static string Percent(double value) => double.IsFinite(value) ? value.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "–";
}
