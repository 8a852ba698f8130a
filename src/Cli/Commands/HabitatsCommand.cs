using System.CommandLine;
using System.Globalization;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Habitats.Workflows;
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
        var channels = new Option<string[]>("--channel") { Description = "A channel of multi-parametric scans, repeated per channel: NAME=PATH PATH … (one co-registered image per scan on its mask's grid, in the order of --masks); the first is the reference.", AllowMultipleArgumentsPerToken = true };
        var masks = new Option<FileInfo[]>("--masks", "-m") { Description = "Tumour masks, one per scan, in the same order.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for habitat maps, tables and the model.", Required = true };
        var clusters = new Option<string>("--clusters", "-k") { Description = "Number of habitats, or a range to choose from (e.g. 3 or 2..6).", DefaultValueFactory = _ => "2..6" };
        var criterion = new Option<string>("--criterion") { Description = "How k is chosen: silhouette, calinski-harabasz, davies-bouldin, elbow, stability (sub-sampling ARI) or gap (Tibshirani's gap statistic).", DefaultValueFactory = _ => "silhouette" };
        criterion.AcceptOnlyFromAmong("silhouette", "calinski-harabasz", "davies-bouldin", "elbow", "stability", "gap");
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
        var normalise = new Option<string>("--normalise")
        {
            Description = "Intensity normalisation of each scan before its voxel features: z-score (over the image foreground; the default, needed for MR), "
                + "z-score-roi, percentile (p1..p99 of the foreground), nyul (Nyúl standardisation fitted on the given scans) or none (calibrated CT, PET). "
                + "With --model, the model's own normalisation is used.",
            DefaultValueFactory = _ => "z-score",
        };
        normalise.AcceptOnlyFromAmong(HabitatOptions.NormaliseChoices);
        var parameters = new Option<FileInfo?>("--params", "-p") { Description = "PyRadiomics params file: its imageType × featureClass × voxelSetting define the channels (PyRadiomics' voxel-based features, HABIT's way) instead of the intensity and --statistics." };
        var strategy = new Option<string>("--strategy") { Description = "one-stage (k-means on the pooled voxels) or two-stage (per-scan supervoxels, then k-means on their feature means).", DefaultValueFactory = _ => "one-stage" };
        strategy.AcceptOnlyFromAmong("one-stage", "two-stage");
        var supervoxels = new Option<int>("--supervoxels") { Description = "Supervoxels per scan with --strategy two-stage.", DefaultValueFactory = _ => 50 };
        var format = TableOutput.CreateOption();
        var command = new Command("habitats", "Tumour habitats: voxel feature maps, k-means on pooled voxels, habitat maps and measures per scan.")
        {
            images, channels, masks, output, clusters, criterion, radius, unit, kernel, statistics, maxVoxels, label, model, miniBatch, seed, threads, normalise, parameters, strategy, supervoxels, format,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var (kMin, kMax) = HabitatOptions.ParseClusters(parse.GetRequiredValue(clusters));
            string unitText = parse.GetValue(unit) ?? "voxels";
            var settings = new HabitatsWorkflowSettings
            {
                MinClusters = kMin,
                MaxClusters = kMax,
                Criterion = HabitatOptions.ParseCriterion(parse.GetRequiredValue(criterion)),
                Kernel = new StructuringElement(
                    parse.GetValue(kernel) == "box" ? StructuringElementShape.Box : StructuringElementShape.Ball,
                    OptionChecks.Positive(parse.GetValue(radius), "--radius", unitText == "mm" ? "mm" : "voxels", max: 1000),
                    unitText == "mm" ? RadiusUnit.Millimetres : RadiusUnit.Voxels),
                Statistics = LocalStatisticNames.ParseList(parse.GetRequiredValue(statistics), "--statistics"),
                MaxVoxelsPerScan = parse.GetValue(maxVoxels) is > 0 and var m ? m : null,
                Label = parse.GetValue(label) is { } l ? checked((byte)l) : null,
                MiniBatch = parse.GetValue(miniBatch),
                Seed = parse.GetValue(seed),
                Parallelism = new(OptionChecks.Threads(parse.GetValue(threads))),
                Normalisation = HabitatOptions.ParseNormalisation(parse.GetRequiredValue(normalise)),
                Channels = parse.GetValue(parameters) is { } p ? PyRadiomicsVoxelFeature.FromParamsFile(p.FullName) : null,
                Strategy = parse.GetValue(strategy) == "two-stage" ? HabitatStrategy.TwoStage : HabitatStrategy.OneStage,
                Supervoxels = new() { Count = (int)OptionChecks.Positive(parse.GetValue(supervoxels), "--supervoxels", "supervoxels", max: 100_000) },
            };
            var scans = HabitatOptions.Scans(parse.GetValue(images), parse.GetValue(channels), parse.GetRequiredValue(masks));
            var given = parse.GetValue(model) is { } modelFile ? HabitatModel.Load(modelFile.FullName) : null;
            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            var result = WorkflowProgressDisplay.Run(console, printing, p => HabitatsWorkflow.Run(scans, settings, given, p));
            string folder = parse.GetRequiredValue(output).FullName;
            result.Write(folder);
            Print(console, printing, result, folder);
            return CommandAction.Success;
        }));
        return command;
    }

    /// <summary>Per scan, each habitat's volume, share and components (a table), or the measures table (CSV, JSON).</summary>
    private static void Print(IAnsiConsole console, OutputFormat format, HabitatsWorkflowResult result, string folder)
    {
        var settings = result.Settings;
        string channels = Markup.Escape(string.Join(", ", result.Channels));
        TableOutput.Message(console, format, result.Selection is null
            ? $"[green]{result.K} habitats[/] on channels {channels}"
            : $"[green]{result.K} habitats[/] chosen by {settings.Criterion} among k = {settings.MinClusters}..{settings.MaxClusters}; channels {channels}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("scan");
        for (int h = 1; h <= result.K; h++)
        {
            table.AddColumn(new TableColumn($"habitat {h}").RightAligned());
        }

        table.AddColumn(new TableColumn("mixing").RightAligned());
        foreach (var scan in result.Scans)
        {
            var cells = new List<string> { scan.Name };
            cells.AddRange(scan.Summary.Habitats.Select(h => F($"{h.VolumeMm3 / 1000:F2} mL ({h.Fraction:P0}, {h.Components} comp.)")));
            cells.Add(F($"{scan.Summary.SpatialMixingIndex:F2}"));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }

        TableOutput.Print(console, format, result.MeasuresTable(), table);
        TableOutput.Message(console, format, $"Wrote habitat maps and tables to {Markup.Escape(folder)}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
