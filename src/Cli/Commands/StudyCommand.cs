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
        var manifest = new Argument<FileSystemInfo?>("manifest")
        {
            Description = "(REQUIRED unless --dicom) Manifest CSV (subject,timepoint,date,image,mask[,region,roi,segment,channel]) or a study folder ROOT/<subject>/<time point>/{image,mask}.nii.gz.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "(REQUIRED unless --dicom) Study folder (shards may share it)." };
        var dicom = new Option<DirectoryInfo?>("--dicom") { Description = "Propose a manifest from this DICOM folder tree (subject = PatientID, time point = StudyDate) into --write-manifest, for review; runs nothing." };
        var writeManifest = new Option<FileInfo?>("--write-manifest") { Description = "Where --dicom writes the proposed manifest CSV." };
        var subjects = new Option<string?>("--subjects") { Description = "Only these subjects (comma-separated)." };
        var shard = new Option<string?>("--shard") { Description = "Only shard i of n (e.g. 2/8), for cluster array jobs." };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Skip subjects with problems and go on after failures." };
        var force = new Option<bool>("--force") { Description = "Recompute subjects already finished." };
        var model = new Option<FileInfo?>("--habitat-model") { Description = "Apply this habitat model instead of fitting one on the cohort's baselines." };
        var study = new StudyOptions();
        var steps = new StudyStepOptions();
        var format = TableOutput.CreateOption();
        var command = new Command("study", "Run a longitudinal study from a manifest: registration, propagation, features, deltas and habitats.")
        {
            manifest, output, subjects, shard, keepGoing, force, model, dicom, writeManifest, format,
        };
        command.Validators.Add(result =>
        {
            bool proposing = result.GetResult(dicom) is not null;
            if (proposing && result.GetResult(writeManifest) is null)
            {
                result.AddError("--dicom needs --write-manifest FILE: the proposed manifest is written for review, not run.");
            }
            else if (!proposing && result.GetResult(writeManifest) is not null)
            {
                result.AddError("--write-manifest needs --dicom ROOT, the DICOM folder tree to propose a manifest from.");
            }
            else if (proposing && result.GetResult(manifest) is not null)
            {
                result.AddError("give either a manifest to run or --dicom ROOT --write-manifest FILE to propose one, not both.");
            }
            else if (!proposing && result.GetResult(manifest) is null)
            {
                result.AddError("Required argument missing for command: 'study' (a manifest CSV or study folder, or --dicom ROOT --write-manifest FILE).");
            }
            else if (!proposing && result.GetResult(output) is null)
            {
                result.AddError("Option '--output' is required.");
            }
        });
        foreach (var option in study.All.Concat(steps.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            if (parse.GetValue(dicom) is { } root)
            {
                return ProposeManifest(console, root.FullName, parse.GetRequiredValue(writeManifest)!.FullName);
            }

            var settings = study.Settings(parse);
            var (cohort, report) = StudyFolder.LoadManifestOrFolder(parse.GetRequiredValue(manifest)!.FullName, settings.ReferenceChannel);
            if (steps.Run(parse, console, cohort, report, settings, parse.GetRequiredValue(output)!.FullName, parse.GetValue(keepGoing)) is { } code)
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
            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            var result = StudyProgressDisplay.Run(console, printing, p =>
                StudyPipeline.Run(cohort, report, settings, parse.GetRequiredValue(output)!.FullName, options, p));
            StudySummary.Write(console, printing, result);
            return result.Failed.Count == 0 ? CommandAction.Success : options.KeepGoing ? CommandAction.Partial : CommandAction.Failure;
        }));
        return command;
    }

    private static int ProposeManifest(IAnsiConsole console, string root, string path)
    {
        var proposal = DicomManifestProposal.Propose(root);
        proposal.Write(path);
        foreach (var note in proposal.Notes)
        {
            console.MarkupLine($"[yellow]note[/]: {Markup.Escape(note)}");
        }

        console.MarkupLine($"[green]Proposed manifest[/] {Markup.Escape(path)}: {proposal.Subjects} subject(s), {proposal.TimePoints} time point(s), {proposal.Masks} mask row(s); review it, then run: radiomics study {Markup.Escape(path)} -o OUTDIR");
        return CommandAction.Success;
    }
}
