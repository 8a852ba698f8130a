using System.Globalization;
using Radiomics.Habitats.Workflows;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>What <c>radiomics habitats</c> prints: k and the channels, then per scan each habitat's volume, share and components.</summary>
internal static class HabitatsSummary
{
    /// <summary>Per scan, each habitat's volume, share and components (a table), or the measures table (CSV, JSON).</summary>
    public static void Write(IAnsiConsole console, OutputFormat format, HabitatsWorkflowResult result, string folder)
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
        if (result.HabitatFeatures is { } features)
        {
            TableOutput.Message(console, format, F($"Per-habitat features: {features.Count} values in habitat_features.csv")
                + (result.HabitatFeatureSkips.Count > 0 ? F($"; {result.HabitatFeatureSkips.Count} habitat(s) or families too small, listed in habitat_features_skipped.csv") : ""));
        }

        TableOutput.Message(console, format, $"Wrote habitat maps and tables to {Markup.Escape(folder)}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
