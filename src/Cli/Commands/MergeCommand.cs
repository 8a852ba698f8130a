using System.CommandLine;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary><c>radiomics merge SHARD_DIR... -o OUTDIR</c>: the cohort tables from the finished subjects of several study folders.</summary>
internal static class MergeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var inputs = new Argument<DirectoryInfo[]>("folders") { Description = "Study folders written by `radiomics study` (e.g. one per shard).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for the combined tables.", Required = true };
        var format = TableOutput.CreateOption();
        var command = new Command("merge", "Combine the finished subjects of several study folders (shards) into cohort tables.") { inputs, output, format };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var sources = parse.GetRequiredValue(inputs).Select(d => d.Exists
                ? new StudyLayout(d.FullName)
                : throw new DirectoryNotFoundException($"Study folder '{d.FullName}' does not exist.")).ToList();
            var target = new StudyLayout(parse.GetRequiredValue(output).FullName);
            var (features, deltas, registrations, _) = StudyTables.Merge(sources, target, DeltaTable.AllKinds);
            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            int subjects = features.Select(r => r.Subject).Distinct().Count();
            TableOutput.Print(console, printing, new Tables.ResultTable(
                ["folder", "subjects", "feature_values", "deltas", "registrations"], [[target.Root, subjects, features.Count, deltas.Rows.Count, registrations.Count]]));
            TableOutput.Message(console, printing, $"[green]Merged[/] {subjects} subject(s): {features.Count} feature values, {deltas.Rows.Count} deltas, {registrations.Count} registrations into {Markup.Escape(target.Root)}");
            return CommandAction.Success;
        }));
        return command;
    }
}
