namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The short names of the local statistics ("mean", "sd", "p10", "iqr"…): the first part of a local first-order
/// channel name (<see cref="LocalFirstOrderFeatures.ChannelName"/>) and the names the command line accepts.
/// </summary>
public static class LocalStatisticNames
{
    /// <summary>The short name of a statistic, e.g. "sd" for <see cref="LocalStatistic.StandardDeviation"/>.</summary>
    public static string ShortName(LocalStatistic statistic) => statistic switch
    {
        LocalStatistic.StandardDeviation => "sd",
        LocalStatistic.Percentile10 => "p10",
        LocalStatistic.Percentile90 => "p90",
        LocalStatistic.InterquartileRange => "iqr",
        LocalStatistic.RootMeanSquare => "rms",
        _ => statistic.ToString().ToLowerInvariant(),
    };

    /// <summary>Every statistic's short name, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<LocalStatistic>().Select(ShortName)];

    /// <summary>The statistic with this short name (case-insensitive).</summary>
    public static bool TryParse(string name, out LocalStatistic statistic)
    {
        foreach (var s in Enum.GetValues<LocalStatistic>())
        {
            if (string.Equals(ShortName(s), name, StringComparison.OrdinalIgnoreCase))
            {
                statistic = s;
                return true;
            }
        }

        statistic = default;
        return false;
    }

    /// <summary>A comma-separated list of short names, e.g. "mean,sd,median".</summary>
    /// <exception cref="InvalidInputException">A name is unknown, or the list is empty; <paramref name="source"/> names the option or setting.</exception>
    public static LocalStatistic[] ParseList(string text, string source = "statistics")
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<LocalStatistic>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParse(name, out var statistic))
            {
                throw new InvalidInputException($"{source}: unknown statistic '{name}'; choose from {string.Join(", ", All)}.");
            }

            result.Add(statistic);
        }

        return result.Count > 0 ? [.. result] : throw new InvalidInputException($"{source}: give at least one statistic.");
    }
}
