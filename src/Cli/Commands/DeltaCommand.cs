using System.CommandLine;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Study;
using Radiomics.Tables;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics delta FEATURES.csv --manifest MANIFEST -o deltas.csv</c>: delta-radiomics of any long feature table
/// (e.g. from <c>extract</c> runs), with the days since baseline taken from the manifest.
/// </summary>
internal static class DeltaCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var features = new Argument<FileInfo>("features") { Description = "Long feature table (CSV with subject and timepoint columns)." };
        var manifest = new Option<FileInfo>("--manifest", "-m") { Description = "Manifest CSV or study folder giving each subject's time points and dates.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Delta table to write (CSV).", Required = true };
        var kinds = new Option<string>("--deltas") { Description = "Kinds: absolute, relative_percent, log_ratio, slope_per_day (comma-separated).", DefaultValueFactory = _ => "absolute,relative_percent,log_ratio,slope_per_day" };
        var format = TableOutput.CreateOption();
        var command = new Command("delta", "Compute feature changes (absolute, relative, log ratio, slope per day) from a long feature table.") { features, manifest, output, kinds, format };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var table = FeatureTable.ReadCsv(parse.GetRequiredValue(features).FullName);
            var (cohort, report) = StudyFolder.LoadManifestOrFolder(parse.GetRequiredValue(manifest).FullName);
            if (report.HasErrors)
            {
                throw new Longitudinal.Pipeline.StudyException($"The manifest has problems:\n{report}");
            }

            var days = cohort.Subjects.ToDictionary(
                s => s.Id, s => (IReadOnlyDictionary<string, double>)s.TimePoints.ToDictionary(t => t.Id, t => t.Day), StringComparer.Ordinal);
            var selected = parse.GetRequiredValue(kinds).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(DeltaTable.ParseKind).Distinct().ToArray();
            var deltas = DeltaTable.Compute(table, days, selected);
            deltas.WriteCsv(parse.GetRequiredValue(output).FullName);
            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            TableOutput.Print(console, printing, new ResultTable(
                ["kind", "subjects", "deltas"],
                selected.Select(k => (IReadOnlyList<object?>)[DeltaTable.KindName(k), deltas.OfKind(k).Select(r => r.Subject).Distinct().Count(), deltas.OfKind(k).Count()])));
            TableOutput.Message(console, printing, $"[green]Wrote[/] {deltas.Rows.Count} deltas to {Markup.Escape(parse.GetRequiredValue(output).FullName)}");
            return CommandAction.Success;
        }));
        return command;
    }
}
