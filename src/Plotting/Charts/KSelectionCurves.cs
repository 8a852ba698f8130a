using Radiomics.Habitats.Clustering;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// Cluster-count selection curves for habitat k-means: inertia (look for the elbow), silhouette and
/// Calinski–Harabasz (higher is better) and Davies–Bouldin (lower is better), each against k, with the chosen k marked.
/// </summary>
public static class KSelectionCurves
{
    public static Figure Create(IReadOnlyList<ClusterCountScore> scores, int? chosenK = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("No cluster-count scores to plot.", nameof(scores));
        }

        double[] k = [.. scores.Select(s => (double)s.K)];
        Figure Panel(string title, Func<ClusterCountScore, double> metric, int color)
        {
            double[] y = [.. scores.Select(metric)];
            var figure = new Figure(
                [new ScatterTrace { Name = title, X = k, Y = y, Mode = ScatterMode.Lines | ScatterMode.Markers, Line = new Line { Color = Palette.Color(color) }, Marker = new Marker { Color = Palette.Color(color) }, ShowLegend = false }],
                new Layout { Title = title, XAxis = new Axis { Title = "k", TickFormat = "d" } });
            int chosen = chosenK is int c ? Array.IndexOf(k, (double)c) : -1;
            return chosen < 0
                ? figure
                : figure.AddTrace(new ScatterTrace
                {
                    Name = "chosen k", X = new[] { k[chosen] }, Y = new[] { y[chosen] }, Mode = ScatterMode.Markers, ShowLegend = false,
                    Marker = new Marker { Color = "#000", Size = 14, Symbol = "circle-open", Line = new Line { Width = 2 } },
                });
        }

        return Chart.Grid(
            2,
            2,
            Panel("Inertia (elbow)", s => s.Inertia, 4),
            Panel("Silhouette (higher is better)", s => s.Silhouette, 2),
            Panel("Calinski–Harabasz (higher is better)", s => s.CalinskiHarabasz, 0),
            Panel("Davies–Bouldin (lower is better)", s => s.DaviesBouldin, 5))
            .WithTitle(chosenK is int ck ? $"Choosing the number of habitats (k = {ck})" : "Choosing the number of habitats")
            .WithSize(800, 600);
    }
}
