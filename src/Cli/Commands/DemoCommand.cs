using System.CommandLine;
using System.Globalization;
using Radiomics.Features;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics demo</c>: the main job on built-in synthetic data, needing no download. It writes a small
/// treatment-response cohort (patients scanned at several time points, tumours that shrink or grow, a necrotic core
/// that grows and a viable layer that darkens in responders, the patient repositioned at every scan), runs the whole
/// study on it, checks the measured changes against the planted truth and writes the tables and an HTML report.
/// </summary>
internal static class DemoCommand
{
    /// <summary>
    /// Feature settings of the demo: IBSI configuration C (re-segmentation to [−1000, 400] HU, fixed bin size 25 HU, 3D
    /// texture averaged and merged) on the scans' own 1 × 1 × 2.5 mm grid, so the measured changes can be compared with
    /// the truth, which is defined on that grid.
    /// </summary>
    public static FeatureSettings Features { get; } = FeaturePresets.ConfigC with { Resampling = null };

    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder for the demo's data, tables and report.",
            DefaultValueFactory = _ => new DirectoryInfo("demo-output"),
        };
        var subjects = new Option<int>("--subjects") { Description = "Synthetic patients.", DefaultValueFactory = _ => 4 };
        var timePoints = new Option<int>("--timepoints") { Description = "Scans per patient.", DefaultValueFactory = _ => 3 };
        var dataSeed = new Option<int>("--data-seed") { Description = "Seed of the synthetic cohort.", DefaultValueFactory = _ => 7 };
        var propagateOnly = new Option<bool>("--propagate-masks") { Description = "Withhold the follow-up masks so the pipeline propagates the baseline masks." };
        var multiChannel = new Option<bool>("--multi-channel") { Description = "A multi-parametric MR cohort instead (T2 and ADC per visit, four planted habitats, -k 4 unless given; --timepoints counts the visits), scored against the planted habitats." };
        var study = new StudyOptions();
        var command = new Command("demo", "Run the whole longitudinal pipeline on a built-in synthetic treatment-response cohort.") { output, subjects, timePoints, dataSeed, propagateOnly, multiChannel };
        foreach (var option in study.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var root = parse.GetRequiredValue(output).FullName;
            if (parse.GetValue(multiChannel))
            {
                var multi = study.Settings(parse);
                multi = parse.GetResult(study.Clusters) is null or { Implicit: true } && multi.Habitats is { } h ? multi with { Habitats = h.WithClusters(4) } : multi;
                return DemoMultiChannel.Run(console, root, multi, parse.GetValue(subjects), Math.Max(1, parse.GetValue(timePoints) - 1), parse.GetResult(dataSeed) is null or { Implicit: true } ? 11 : parse.GetValue(dataSeed));
            }

            var settings = study.Settings(parse, Features) with { Stability = new Longitudinal.Stability.StabilitySettings() };
            var dataFolder = Path.Combine(root, "data");
            var cohortSettings = new SyntheticCohortSettings
            {
                Subjects = parse.GetValue(subjects),
                TimePoints = parse.GetValue(timePoints),
                Seed = parse.GetValue(dataSeed),
                FollowUpMasksInManifest = !parse.GetValue(propagateOnly),
            };
            IReadOnlyList<SyntheticTruth> truth = [];
            string manifestPath = "";
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("Synthetic cohort", maxValue: cohortSettings.Subjects * cohortSettings.TimePoints);
                (manifestPath, truth) = SyntheticCohort.Write(cohortSettings, dataFolder, new SynchronousProgress<int>(n => task.Value = n));
            });
            console.MarkupLine($"[green]Synthetic cohort[/]: {cohortSettings.Subjects} patients × {cohortSettings.TimePoints} scans in {Markup.Escape(dataFolder)} (manifest.csv, truth.json)");

            var (cohort, report) = StudyManifest.Load(manifestPath);
            var result = StudyProgressDisplay.Run(console, OutputFormat.Table, p => StudyPipeline.Run(cohort, report, settings, root, new StudyRunOptions(), p));
            StudySummary.Write(console, OutputFormat.Table, result);
            var check = DemoCheck.Compare(result, truth);
            DemoCheck.Write(console, check);
            DemoReport.Write(result, check, settings, cohort, root);
            console.MarkupLine($"[green]Report[/]: {Markup.Escape(Path.Combine(root, "report.html"))}");
            return CommandAction.Success;
        }));
        return command;
    }
}
