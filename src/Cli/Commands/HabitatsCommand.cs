using System.CommandLine;
using System.Globalization;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Habitats.Workflows;
using Radiomics.Features;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Processing;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics habitats --images a.nii.gz b.nii.gz --masks ma.nii.gz mb.nii.gz -k 2..6 -o outdir</c> (or
/// <c>--channel T2=a_t2 b_t2 --channel ADC=a_adc b_adc</c> for multi-parametric scans): voxel feature maps of every scan, the number of habitats chosen on the pooled voxels by a stated criterion, one habitat model
/// fitted on the pooled voxels (or an existing model applied), and per scan a habitat map and its measures.
/// </summary>
internal static class HabitatsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var images = new Option<FileInfo[]>("--images", "-i") { Description = "(REQUIRED unless --channel) Scans (one per patient or time point).", AllowMultipleArgumentsPerToken = true };
        var channels = new Option<string[]>("--channel") { Description = "A channel of multi-parametric scans, repeated per channel: NAME=PATH PATH … (one image per scan, in the order of --masks); the first is the reference, on the masks' grid; others on other grids are registered to it and resampled.", AllowMultipleArgumentsPerToken = true };
        var masks = new Option<FileInfo[]>("--masks", "-m") { Description = "Tumour masks, one per scan, in the same order.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for habitat maps, tables and the model.", Required = true };
        var clusters = new Option<string>("--clusters", "-k") { Description = "Number of habitats, or a range to choose from (e.g. 3 or 2..6).", DefaultValueFactory = _ => "2..6" };
        var criterion = HabitatOptions.CriterionOption();
        var radius = new Option<double>("--radius") { Description = "Kernel radius of the local features.", DefaultValueFactory = _ => 1 };
        var unit = new Option<string>("--radius-unit") { Description = "Unit of --radius: voxels or mm.", DefaultValueFactory = _ => "voxels" };
        unit.AcceptOnlyFromAmong("voxels", "mm");
        var kernel = new Option<string>("--kernel") { Description = "Kernel shape: ball or box.", DefaultValueFactory = _ => "ball" };
        kernel.AcceptOnlyFromAmong("ball", "box");
        var statistics = new Option<string>("--statistics") { Description = "Local statistics besides the intensity, comma-separated (mean, sd, variance, skewness, kurtosis, minimum, p10, median, p90, maximum, iqr, range, energy, rms, entropy, uniformity).", DefaultValueFactory = _ => "mean,sd,median" };
        var maxVoxels = new Option<int>("--max-voxels-per-scan") { Description = "Voxels drawn per scan for k selection and fitting (0: all).", DefaultValueFactory = _ => 50_000 };
        var label = new Option<int?>("--label") { Description = "Mask label of the tumour (default: every non-zero voxel)." };
        var model = new Option<FileInfo?>("--model") { Description = "Apply this habitat model (JSON) instead of fitting one; -k is then ignored." };
        var miniBatch = new Option<bool>("--mini-batch") { Description = "Fit with mini-batch k-means (for millions of pooled voxels)." };
        var seed = new Option<int>("--seed") { Description = "Seed of sub-sampling and k-means.", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Threads (0: all cores).", DefaultValueFactory = _ => 0 };
        var normalise = HabitatOptions.NormaliseOption();
        var parameters = new Option<FileInfo?>("--params", "-p") { Description = "Settings file: our YAML, whose habitats: section names the voxel features (instead of --statistics, --kernel, --radius), or a PyRadiomics params file, whose imageType × featureClass × voxelSetting define the channels (PyRadiomics' voxel-based features)." };
        var preset = new Option<string?>("--preset") { Description = $"Built-in feature settings of the per-habitat features: {string.Join(", ", FeaturePresets.Names)} (default: the settings file of --params, else every IBSI family with the default settings)." };
        var noHabitatFeatures = HabitatOptions.NoHabitatFeaturesOption();
        var noChannelRegistration = new Option<bool>("--no-channel-registration") { Description = "--channel images on another grid than the reference: resample them by their headers instead of registering them (translation, Mattes MI) first." };
        var habitat = new HabitatModelOptions();
        var format = TableOutput.CreateOption();
        var command = new Command("habitats", "Tumour habitats: voxel feature maps, k-means on pooled voxels, habitat maps and measures per scan.")
        {
            images, channels, masks, output, clusters, criterion, radius, unit, kernel, statistics, maxVoxels, label, model, miniBatch, seed, threads, normalise, parameters, preset, noHabitatFeatures, noChannelRegistration, format,
        };
        foreach (var option in habitat.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var (kMin, kMax) = HabitatOptions.ParseClusters(parse.GetRequiredValue(clusters));
            string unitText = parse.GetValue(unit) ?? "voxels";
            var (fromFile, pyradiomics) = HabitatOptions.VoxelFeatures(parse.GetValue(parameters));
            var features = fromFile ?? new VoxelFeatureSettings
            {
                LocalStatistics = [.. LocalStatisticNames.ParseList(parse.GetRequiredValue(statistics), "--statistics").Select(LocalStatisticNames.ShortName)],
                Kernel = parse.GetValue(kernel) == "box" ? StructuringElementShape.Box : StructuringElementShape.Ball,
                Radius = OptionChecks.Positive(parse.GetValue(radius), "--radius", unitText == "mm" ? "mm" : "voxels", max: 1000),
                RadiusUnit = unitText == "mm" ? RadiusUnit.Millimetres : RadiusUnit.Voxels,
            };
            var settings = new HabitatsWorkflowSettings
            {
                MinClusters = kMin,
                MaxClusters = kMax,
                Criterion = HabitatOptions.Criterion(parse, criterion, clusters),
                Model = habitat.Apply(parse, HabitatsWorkflowSettings.DefaultModel with
                {
                    VoxelFeatures = features,
                    MaxVoxelsPerScan = parse.GetValue(maxVoxels) is > 0 and var m ? m : null,
                    MiniBatch = parse.GetValue(miniBatch),
                    KMeans = HabitatsWorkflowSettings.DefaultModel.KMeans with { Seed = parse.GetValue(seed) },
                    Normalisation = HabitatOptions.ParseNormalisation(parse.GetRequiredValue(normalise)),
                }),
                Label = parse.GetValue(label) is { } l ? checked((byte)l) : null,
                Parallelism = new(OptionChecks.Threads(parse.GetValue(threads))),
                Channels = pyradiomics,
                HabitatFeatures = parse.GetValue(noHabitatFeatures)
                    ? null
                    : Workflows.ExtractionWorkflow.LoadSettings(parse.GetValue(parameters)?.FullName, parse.GetValue(preset)) with { Habitats = null },
                ChannelAligner = new ChannelAligner(parse.GetValue(noChannelRegistration) ? null : StudySettings.DefaultChannelRegistration, new(OptionChecks.Threads(parse.GetValue(threads)))),
            };
            var scans = HabitatScanOptions.Scans(parse.GetValue(images), parse.GetValue(channels), parse.GetRequiredValue(masks));
            var given = parse.GetValue(model) is { } modelFile ? HabitatModel.Load(modelFile.FullName) : null;
            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            var result = WorkflowProgressDisplay.Run(console, printing, p => HabitatsWorkflow.Run(scans, settings, given, p));
            string folder = parse.GetRequiredValue(output).FullName;
            result.Write(folder);
            HabitatsSummary.Write(console, printing, result, folder);
            return CommandAction.Success;
        }));
        return command;
    }
}
