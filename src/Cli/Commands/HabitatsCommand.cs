using System.CommandLine;
using System.Globalization;
using System.Text;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Habitats;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.Processing.Normalisation;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics habitats --images a.nii.gz b.nii.gz --masks ma.nii.gz mb.nii.gz -k 2..6 -o outdir</c>: voxel feature
/// maps of every scan, the number of habitats chosen on the pooled voxels by a stated criterion, one habitat model
/// fitted on the pooled voxels (or an existing model applied), and per scan a habitat map and its measures.
/// </summary>
internal static class HabitatsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var images = new Option<FileInfo[]>("--images", "-i") { Description = "Scans (one per patient or time point).", Required = true, AllowMultipleArgumentsPerToken = true };
        var masks = new Option<FileInfo[]>("--masks", "-m") { Description = "Tumour masks, one per scan, in the same order.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for habitat maps, tables and the model.", Required = true };
        var clusters = new Option<string>("--clusters", "-k") { Description = "Number of habitats, or a range to choose from (e.g. 3 or 2..6).", DefaultValueFactory = _ => "2..6" };
        var criterion = new Option<string>("--criterion") { Description = "How k is chosen: silhouette, calinski-harabasz, davies-bouldin or elbow.", DefaultValueFactory = _ => "silhouette" };
        criterion.AcceptOnlyFromAmong("silhouette", "calinski-harabasz", "davies-bouldin", "elbow");
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
        normalise.AcceptOnlyFromAmong(NormaliseChoices);
        var parameters = new Option<FileInfo?>("--params", "-p") { Description = "PyRadiomics params file: its imageType × featureClass × voxelSetting define the channels (PyRadiomics' voxel-based features, HABIT's way) instead of the intensity and --statistics." };
        var command = new Command("habitats", "Tumour habitats: voxel feature maps, k-means on pooled voxels, habitat maps and measures per scan.")
        {
            images, masks, output, clusters, criterion, radius, unit, kernel, statistics, maxVoxels, label, model, miniBatch, seed, threads, normalise, parameters,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var imageFiles = parse.GetRequiredValue(images);
            var maskFiles = parse.GetRequiredValue(masks);
            if (imageFiles.Length != maskFiles.Length)
            {
                throw new InvalidInputException($"{imageFiles.Length} image(s) but {maskFiles.Length} mask(s); give one mask per image, in the same order.");
            }

            var (kMin, kMax) = ParseClusters(parse.GetRequiredValue(clusters));
            var options = new Run(
                imageFiles.Select(f => f.FullName).ToArray(),
                maskFiles.Select(f => f.FullName).ToArray(),
                parse.GetRequiredValue(output),
                kMin,
                kMax,
                ParseCriterion(parse.GetRequiredValue(criterion)),
                new StructuringElement(
                    parse.GetValue(kernel) == "box" ? StructuringElementShape.Box : StructuringElementShape.Ball,
                    OptionChecks.Positive(parse.GetValue(radius), "--radius", parse.GetValue(unit) == "mm" ? "mm" : "voxels", max: 1000),
                    parse.GetValue(unit) == "mm" ? RadiusUnit.Millimetres : RadiusUnit.Voxels),
                ParseStatistics(parse.GetRequiredValue(statistics)),
                parse.GetValue(maxVoxels) is > 0 and var m ? m : null,
                parse.GetValue(label) is { } l ? checked((byte)l) : null,
                parse.GetValue(model)?.FullName,
                parse.GetValue(miniBatch),
                parse.GetValue(seed),
                OptionChecks.Threads(parse.GetValue(threads)),
                ParseNormalisation(parse.GetRequiredValue(normalise)));
            Execute(console, options with { Channels = parse.GetValue(parameters) is { } p ? PyRadiomicsVoxelFeature.FromParamsFile(p.FullName) : null });
            return CommandAction.Success;
        }));
        return command;
    }

    private sealed record Run(
        string[] Images,
        string[] Masks,
        DirectoryInfo Output,
        int KMin,
        int KMax,
        ClusterCountCriterion Criterion,
        StructuringElement Kernel,
        LocalStatistic[] Statistics,
        int? MaxVoxelsPerScan,
        byte? Label,
        string? Model,
        bool MiniBatch,
        int Seed,
        int Threads,
        NormalisationSettings? Normalisation)
    {
        /// <summary>Channels from a PyRadiomics params file (--params), replacing the intensity and local statistics.</summary>
        public IVoxelFeature? Channels { get; init; }
    }

    private static readonly string[] NormaliseChoices = ["z-score", "z-score-roi", "percentile", "nyul", "none"];

    internal static NormalisationSettings? ParseNormalisation(string text) => text switch
    {
        "none" => null,
        "z-score-roi" => NormalisationSettings.ZScore(NormalisationRegion.Roi),
        "percentile" => NormalisationSettings.Percentile(),
        "nyul" => NormalisationSettings.Nyul(),
        _ => NormalisationSettings.ZScore(),
    };

    private static void Execute(IAnsiConsole console, Run run)
    {
        run.Output.Create();
        var names = ScanNames(run.Images);
        var features = run.Channels is { } channels ? [channels] : new IVoxelFeature[]
        {
            new IntensityFeature(),
            new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Kernel = run.Kernel, Statistics = run.Statistics }),
        };
        var maps = new VoxelFeatureMap[run.Images.Length];
        HabitatModel? habitatModel = run.Model is null ? null : HabitatModel.Load(run.Model);
        var normalisation = habitatModel is null ? run.Normalisation : habitatModel.Training.Settings.Normalisation;
        ClusterCountSelection? selection = null;
        int k = habitatModel?.Habitats ?? run.KMin;
        var kmeans = new KMeansSettings { Seed = run.Seed, MaxDegreeOfParallelism = run.Threads };

        console.Progress().Start(ctx =>
        {
            if (normalisation is { Method: NormalisationMethod.Nyul, StandardLandmarks: null })
            {
                var nyulTask = ctx.AddTask("Fitting the Nyúl standardisation", maxValue: 1);
                normalisation = NyulStandardisation.Fit(
                    run.Images.Select((path, s) => ((Image)ImageFile.Read<float>(path), (LabelMap?)ImageFile.ReadLabelMap(run.Masks[s]), (LabelMap?)null, path)),
                    normalisation);
                nyulTask.Value = 1;
            }

            var mapsTask = ctx.AddTask("Voxel feature maps", maxValue: run.Images.Length);
            for (int s = 0; s < run.Images.Length; s++)
            {
                var image = ImageFile.Read<float>(run.Images[s]);
                var mask = ImageFile.ReadLabelMap(run.Masks[s]);
                image.Geometry.EnsureMatches(mask.Geometry, $"{run.Images[s]} and its mask {run.Masks[s]}");
                try
                {
                    if (normalisation is { IsNone: false } n)
                    {
                        image = IntensityNormalisation.Apply(image, n, mask, scan: run.Images[s]);
                    }

                    maps[s] = VoxelFeatureMaps.Compute(image, mask, features, run.Label);
                }
                catch (Features.EmptyRoiException e)
                {
                    throw new Features.EmptyRoiException($"{run.Masks[s]}: {e.Message}", e);
                }
                mapsTask.Increment(1);
            }

            if (habitatModel is null)
            {
                var channels = maps[0].ChannelNames;
                if (run.KMax > run.KMin)
                {
                    var selectTask = ctx.AddTask($"Choosing k in {run.KMin}..{run.KMax}", maxValue: run.KMax - run.KMin + 1);
                    var pooled = HabitatModel.Pool(maps, channels, run.MaxVoxelsPerScan, run.Seed);
                    var scaled = StandardScaler.Fit(pooled, run.Threads).Transform(pooled);
                    selection = ClusterCountSelection.Evaluate(
                        scaled,
                        new ClusterCountSelectionSettings { MinClusters = run.KMin, MaxClusters = run.KMax, KMeans = kmeans },
                        new SynchronousProgress<int>(kk => selectTask.Value = kk - run.KMin + 1));
                    k = selection.Best(run.Criterion);
                }

                var fitTask = ctx.AddTask($"Fitting {k} habitats", maxValue: 1);
                habitatModel = HabitatModel.Fit(
                    maps,
                    new HabitatSettings { KMeans = kmeans with { NClusters = k }, MaxVoxelsPerScan = run.MaxVoxelsPerScan, MiniBatch = run.MiniBatch, Normalisation = normalisation },
                    new SynchronousProgress<double>(p => fitTask.Value = p));
                fitTask.Value = 1;
            }
        });

        var output = run.Output.FullName;
        var model = habitatModel!;
        if (run.Model is null)
        {
            model.Save(Path.Combine(output, "habitat_model.json"));
        }

        if (selection is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(output, "k_selection.csv"), SelectionCsv(selection, k, run.Criterion));
        }

        var measures = new StringBuilder("scan,image,habitat,voxels,volume_mm3,fraction,components\n");
        var heterogeneity = new StringBuilder("scan,image,habitats,region_voxels,fraction_entropy_bits,normalised_fraction_entropy,spatial_mixing_index\n");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("scan");
        for (int h = 1; h <= model.Habitats; h++)
        {
            table.AddColumn(new TableColumn($"habitat {h}").RightAligned());
        }

        table.AddColumn(new TableColumn("mixing").RightAligned());
        for (int s = 0; s < maps.Length; s++)
        {
            var habitats = model.Predict(maps[s]);
            ImageFile.Write(habitats, SafePath.Under(output, $"{names[s]}_habitats.nii.gz"));
            var summary = HabitatSummary.Compute(habitats, model.Habitats);
            var cells = new List<string> { names[s] };
            foreach (var h in summary.Habitats)
            {
                measures.Append(Csv(names[s])).Append(',').Append(Csv(run.Images[s])).Append(',')
                    .Append(F($"{h.Habitat},{h.Voxels},{h.VolumeMm3:R},{h.Fraction:R},{h.Components}")).Append('\n');
                cells.Add(F($"{h.VolumeMm3 / 1000:F2} mL ({h.Fraction:P0}, {h.Components} comp.)"));
            }

            heterogeneity.Append(Csv(names[s])).Append(',').Append(Csv(run.Images[s])).Append(',')
                .Append(F($"{model.Habitats},{summary.RegionVoxels},{summary.FractionEntropy:R},{summary.NormalisedFractionEntropy:R},{summary.SpatialMixingIndex:R}")).Append('\n');
            cells.Add(F($"{summary.SpatialMixingIndex:F2}"));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }

        AtomicFile.WriteAllText(Path.Combine(output, "habitat_measures.csv"), measures.ToString());
        AtomicFile.WriteAllText(Path.Combine(output, "habitat_heterogeneity.csv"), heterogeneity.ToString());
        console.MarkupLine(selection is null
            ? $"[green]{model.Habitats} habitats[/] on channels {Markup.Escape(string.Join(", ", model.Channels))}"
            : $"[green]{model.Habitats} habitats[/] chosen by {run.Criterion} among k = {run.KMin}..{run.KMax}; channels {Markup.Escape(string.Join(", ", model.Channels))}");
        console.Write(table);
        console.MarkupLine($"Wrote habitat maps and tables to {Markup.Escape(output)}");
    }

    internal static (int Min, int Max) ParseClusters(string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        int min = 0, max = 0;
        bool ok = parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out max);
        if (!ok || min < 2 || max < min || max > 255)
        {
            throw new InvalidInputException($"-k '{text}' is not a number of habitats (2..255) or a range such as 2..6.");
        }

        return (min, max);
    }

    private static ClusterCountCriterion ParseCriterion(string text) => text switch
    {
        "calinski-harabasz" => ClusterCountCriterion.CalinskiHarabasz,
        "davies-bouldin" => ClusterCountCriterion.DaviesBouldin,
        "elbow" => ClusterCountCriterion.Elbow,
        _ => ClusterCountCriterion.Silhouette,
    };

    internal static LocalStatistic[] ParseStatistics(string text)
    {
        var all = Enum.GetValues<LocalStatistic>().ToDictionary(s => LocalFirstOrderFeatures.ChannelName(s, StructuringElement.Box(1)).Split('_')[0], s => s, StringComparer.OrdinalIgnoreCase);
        var result = new List<LocalStatistic>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!all.TryGetValue(name, out var statistic))
            {
                throw new InvalidInputException($"--statistics: unknown statistic '{name}'; choose from {string.Join(", ", all.Keys)}.");
            }

            result.Add(statistic);
        }

        return result.Count > 0 ? [.. result] : throw new InvalidInputException("--statistics: give at least one statistic.");
    }

    /// <summary>File names without image extensions, made unique with a number when two scans share a name.</summary>
    private static string[] ScanNames(string[] images)
    {
        var names = images.Select(p =>
        {
            string name = Path.GetFileName(p);
            foreach (var ext in ImageFile.Extensions.OrderByDescending(e => e.Length))
            {
                if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                {
                    return name[..^ext.Length];
                }
            }

            return name;
        }).ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            if (names.Count(n => n == names[i]) > 1)
            {
                names[i] = $"{names[i]}_{i + 1}";
            }
        }

        return names;
    }

    private static string SelectionCsv(ClusterCountSelection selection, int chosen, ClusterCountCriterion criterion)
    {
        var sb = new StringBuilder("k,inertia,silhouette,calinski_harabasz,davies_bouldin,chosen,criterion\n");
        foreach (var s in selection.Scores)
        {
            sb.Append(F($"{s.K},{s.Inertia:R},{s.Silhouette:R},{s.CalinskiHarabasz:R},{s.DaviesBouldin:R},{(s.K == chosen ? 1 : 0)},{criterion}\n"));
        }

        return sb.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
