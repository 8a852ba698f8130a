using System.CommandLine;
using System.Globalization;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Workflows;
using Radiomics.IO;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Cli.Commands;

/// <summary>The values of <c>habitats</c> options that are not plain numbers: the k range, the criterion and the normalisation.</summary>
internal static class HabitatOptions
{
    public static readonly string[] NormaliseChoices = ["z-score", "z-score-roi", "percentile", "nyul", "none"];

    public static Option<string> NormaliseOption()
    {
        var normalise = new Option<string>("--normalise")
        {
            Description = "Intensity normalisation of each scan before its voxel features: z-score (over the image foreground; the default, needed for MR), "
                + "z-score-roi, percentile (p1..p99 of the foreground), nyul (Nyúl standardisation fitted on the given scans, per channel) or none (calibrated CT, PET). "
                + "With --model, the model's own normalisation is used.",
            DefaultValueFactory = _ => "z-score",
        };
        normalise.AcceptOnlyFromAmong(NormaliseChoices);
        return normalise;
    }

    public static Option<string> CriterionOption()
    {
        var criterion = new Option<string>("--criterion") { Description = "How k is chosen: silhouette, calinski-harabasz, davies-bouldin, elbow, stability (sub-sampling ARI) or gap (Tibshirani's gap statistic).", DefaultValueFactory = _ => "silhouette" };
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
    /// The scans from <c>--images</c>, or from the <c>--channel NAME=PATH PATH …</c> groups (a token with '=' starts a
    /// channel), one per mask.
    /// </summary>
    public static HabitatScan[] Scans(FileInfo[]? images, string[]? channelTokens, FileInfo[] masks)
    {
        if ((images is { Length: > 0 }) == (channelTokens is { Length: > 0 }))
        {
            throw new InvalidInputException("give the scans either as --images or as --channel NAME=PATH … (one per channel), not both or neither.");
        }

        var channels = new List<(string Name, List<string> Paths)>();
        foreach (var token in channelTokens ?? [])
        {
            int eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                channels.Add((SafePath.RequireId("channel", token[..eq], "--channel"), [token[(eq + 1)..]]));
            }
            else if (channels.Count == 0)
            {
                throw new InvalidInputException($"--channel {token}: name the channel first, as NAME=PATH.");
            }
            else
            {
                channels[^1].Paths.Add(token);
            }
        }

        if (images is { Length: > 0 } && images.Length != masks.Length)
        {
            throw new InvalidInputException($"{images.Length} image(s) but {masks.Length} mask(s); give one mask per image, in the same order.");
        }

        foreach (var (name, paths) in channels)
        {
            if (paths.Count != masks.Length || channels.Count(c => c.Name == name) > 1)
            {
                throw new InvalidInputException($"--channel {name}: {paths.Count} image(s) but {masks.Length} mask(s), or the channel named twice; give each channel once, one image per mask, in the same order.");
            }
        }

        return images is { Length: > 0 }
            ? [.. images.Zip(masks, (i, m) => new HabitatScan(i.FullName, m.FullName))]
            : [.. masks.Select((m, s) => new HabitatScan(Path.GetFullPath(channels[0].Paths[s]), m.FullName)
            {
                Channels = [.. channels.Select(c => new HabitatChannel(c.Name, Path.GetFullPath(c.Paths[s])))],
            })];
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
