using System.Globalization;
using Radiomics.Habitats.Clustering;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Cli.Commands;

/// <summary>The values of <c>habitats</c> options that are not plain numbers: the k range, the criterion and the normalisation.</summary>
internal static class HabitatOptions
{
    public static readonly string[] NormaliseChoices = ["z-score", "z-score-roi", "percentile", "nyul", "none"];

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
