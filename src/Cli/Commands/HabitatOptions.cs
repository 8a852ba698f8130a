using System.CommandLine;
using System.Globalization;
using Radiomics.Habitats.Clustering;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Cli.Commands;

/// <summary>The values of <c>habitats</c> options that are not plain numbers: the k range, the criterion and the normalisation.</summary>
internal static class HabitatOptions
{
    public static readonly string[] NormaliseChoices = ["z-score", "z-score-roi", "percentile", "nyul", "none"];

    /// <param name="fittedOn">What a Nyúl standardisation is fitted on, in the option's description.</param>
    /// <param name="model">The option that applies a saved model instead.</param>
    public static Option<string> NormaliseOption(string fittedOn = "the given scans", string model = "--model")
    {
        var normalise = new Option<string>("--normalise")
        {
            Description = "Intensity normalisation of each scan before its voxel features: z-score (over the image foreground; the default, needed for MR), "
                + $"z-score-roi, percentile (p1..p99 of the foreground), nyul (Nyúl standardisation fitted on {fittedOn}, per channel) or none (calibrated CT, PET). "
                + $"With {model}, the model's own normalisation is used.",
            DefaultValueFactory = _ => "z-score",
        };
        normalise.AcceptOnlyFromAmong(NormaliseChoices);
        return normalise;
    }

    /// <summary><c>--no-habitat-features</c>: skip the per-habitat IBSI features (<c>habitat_features.csv</c>), on by default.</summary>
    public static Option<bool> NoHabitatFeaturesOption() => new("--no-habitat-features")
    {
        Description = "Skip the per-habitat IBSI features (habitat_features.csv: the feature settings run inside each habitat of every scan and channel).",
    };

    public static Option<string> CriterionOption()
    {
        var criterion = new Option<string>("--criterion") { Description = "How k is chosen (with a range -k 2..6): silhouette, calinski-harabasz, davies-bouldin, elbow, stability (sub-sampling ARI) or gap (Tibshirani's gap statistic).", DefaultValueFactory = _ => "silhouette" };
        criterion.AcceptOnlyFromAmong("silhouette", "calinski-harabasz", "davies-bouldin", "elbow", "stability", "gap");
        return criterion;
    }

    /// <summary>
    /// The voxel features of a <c>--params</c> file: a PyRadiomics params file gives PyRadiomics' voxel-based features,
    /// our YAML its <c>habitats:</c> section; neither without a file.
    /// </summary>
    public static (Features.VoxelFeatureSettings? Settings, Habitats.VoxelFeatures.IVoxelFeature? PyRadiomics) VoxelFeatures(FileInfo? file)
    {
        if (file is null)
        {
            return (null, null);
        }

        if (Features.PyRadiomics.PyRadiomicsParamsFile.IsParamsFile(File.ReadAllText(file.FullName)))
        {
            return (null, Habitats.VoxelFeatures.PyRadiomicsVoxelFeature.FromParamsFile(file.FullName));
        }

        return (Features.FeatureSettingsYaml.Load(file.FullName).Habitats
            ?? throw new SettingsException(file.FullName, null, "has no habitats: section naming the voxel features (see radiomics extract --write-params)."), null);
    }

    public static NormalisationSettings? ParseNormalisation(string text) => text switch
    {
        "none" => null,
        "z-score-roi" => NormalisationSettings.ZScore(NormalisationRegion.Roi),
        "percentile" => NormalisationSettings.Percentile(),
        "nyul" => NormalisationSettings.Nyul(),
        _ => NormalisationSettings.ZScore(),
    };

    public static (int Min, int Max) ParseClusters(string text)
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

    /// <summary>
    /// The criterion that chooses k from the range of <paramref name="clusters"/>; an error when <c>--criterion</c> is
    /// given with a fixed k, which it would not choose (the option would be silently ignored).
    /// </summary>
    public static ClusterCountCriterion Criterion(ParseResult parse, Option<string> criterion, Option<string> clusters)
    {
        string text = parse.GetRequiredValue(criterion);
        string k = parse.GetRequiredValue(clusters);
        var (min, max) = ParseClusters(k);
        if (min == max && parse.GetResult(criterion) is { Implicit: false })
        {
            string given = parse.GetResult(clusters) is null or { Implicit: true } ? $"-k {k} (the default)" : $"-k {k}";
            throw new InvalidInputException($"--criterion {text} chooses k from a range, but {given} fixes k; give a range such as -k 2..6, or leave out --criterion.");
        }

        return ParseCriterion(text);
    }

    public static ClusterCountCriterion ParseCriterion(string text) => text switch
    {
        "calinski-harabasz" => ClusterCountCriterion.CalinskiHarabasz,
        "davies-bouldin" => ClusterCountCriterion.DaviesBouldin,
        "elbow" => ClusterCountCriterion.Elbow,
        "stability" => ClusterCountCriterion.Stability,
        "gap" => ClusterCountCriterion.Gap,
        _ => ClusterCountCriterion.Silhouette,
    };
}
