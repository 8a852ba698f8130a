using System.CommandLine;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics study MANIFEST -o OUTDIR</c>: the longitudinal pipeline over a cohort (registration, mask propagation,
/// features at every time point, deltas, habitats), resumable, with <c>--subjects</c>/<c>--shard i/n</c> for array jobs.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var manifest = new Argument<FileSystemInfo>("manifest") { Description = "Manifest CSV (subject,timepoint,date,image,mask[,region]) or a study folder ROOT/<subject>/<time point>/{image,mask}.nii.gz." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Study folder (shards may share it).", Required = true };
        var subjects = new Option<string?>("--subjects") { Description = "Only these subjects (comma-separated)." };
        var shard = new Option<string?>("--shard") { Description = "Only shard i of n (e.g. 2/8), for cluster array jobs." };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Skip subjects with problems and go on after failures." };
        var force = new Option<bool>("--force") { Description = "Recompute subjects already finished." };
        var model = new Option<FileInfo?>("--habitat-model") { Description = "Apply this habitat model instead of fitting one on the cohort's baselines." };
        var study = new StudyOptions();
        var steps = new StudyStepOptions();
        var command = new Command("study", "Run a longitudinal study from a manifest: registration, propagation, features, deltas and habitats.")
        {
            manifest, output, subjects, shard, keepGoing, force, model,
        };
        foreach (var option in study.All.Concat(steps.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var settings = study.Settings(parse);
            var (cohort, report) = StudyFolder.LoadManifestOrFolder(parse.GetRequiredValue(manifest).FullName);
            if (steps.Run(parse, console, cohort, report, settings, parse.GetRequiredValue(output).FullName, parse.GetValue(keepGoing)) is { } code)
            {
                return code;
            }

            var options = new StudyRunOptions
            {
                Subjects = parse.GetValue(subjects)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Shard = parse.GetValue(shard) is { } s ? Cohort.ParseShard(s) : null,
                KeepGoing = parse.GetValue(keepGoing),
                Force = parse.GetValue(force),
                HabitatModelPath = parse.GetValue(model)?.FullName,
                WriteTables = !parse.GetValue(steps.NoTables),
            };
            var result = StudyProgressDisplay.Run(console, p =>
                StudyPipeline.Run(cohort, report, settings, parse.GetRequiredValue(output).FullName, options, p));
            StudySummary.Write(console, result);
            return result.Failed.Count == 0 ? CommandAction.Success : options.KeepGoing ? CommandAction.Partial : CommandAction.Failure;
        }));
        return command;
    }
}
