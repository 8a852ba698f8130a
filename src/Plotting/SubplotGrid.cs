using System.Globalization;

namespace Radiomics.Plotting;

/// <summary>
/// Places figures in the cells of a grid. Cell domains are computed here (not with <c>layout.grid</c>) because
/// plotly.js's grid only positions cartesian axes, and a grid may mix 2D plots, 3D scenes and Sankey diagrams.
/// </summary>
internal static class SubplotGrid
{
    private const double Gap = 0.06;

    public static Figure Arrange(int rows, int columns, IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (figures.Count == 0 || figures.Count > rows * columns)
        {
            throw new ArgumentException($"A {rows} x {columns} grid holds 1 to {rows * columns} figures, got {figures.Count}.", nameof(figures));
        }

        var layout = new Layout { Width = figures[0].Layout.Width, Height = figures[0].Layout.Height };
        var traces = new List<Trace>();
        var annotations = new List<Annotation>();
        for (int i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            int row = i / columns, column = i % columns;
            double[] xDomain = CellDomain(column, columns);
            double[] yDomain = CellDomain(rows - 1 - row, rows);
            string n = i == 0 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture);
            string xId = "x" + n, yId = "y" + n, sceneId = "scene" + n;
            bool hasCartesian = false, hasScene = false;
            foreach (var trace in figure.Data)
            {
                switch (trace)
                {
                    case CartesianTrace c:
                        hasCartesian = true;
                        traces.Add(c with { XAxis = xId, YAxis = yId });
                        break;
                    case SceneTrace s:
                        hasScene = true;
                        traces.Add(s with { Scene = sceneId });
                        break;
                    case SankeyTrace k:
                        traces.Add(k with { Domain = new Domain { X = xDomain, Y = yDomain } });
                        break;
                    default:
                        traces.Add(trace);
                        break;
                }
            }

            if (hasCartesian)
            {
                var x = (figure.Layout.XAxis ?? new Axis()) with { Domain = xDomain, Anchor = yId };
                var y = (figure.Layout.YAxis ?? new Axis()) with { Domain = yDomain, Anchor = xId };
                // An aspect-ratio constraint refers to the source figure's own x axis; re-point it to this cell's.
                if (y.ScaleAnchor is not null)
                {
                    y = y with { ScaleAnchor = xId };
                }

                layout = layout.WithAxis(xId, x).WithAxis(yId, y);
            }

            if (hasScene)
            {
                layout = layout.WithScene(sceneId, (figure.Layout.Scene ?? new Scene()) with { Domain = new Domain { X = xDomain, Y = yDomain } });
            }

            if (figure.Layout.Title?.Text is { Length: > 0 } title)
            {
                annotations.Add(new Annotation(title)
                {
                    X = (xDomain[0] + xDomain[1]) / 2,
                    Y = yDomain[1],
                    XRef = "paper",
                    YRef = "paper",
                    XAnchor = HorizontalAnchor.Centre,
                    YAnchor = VerticalAnchor.Bottom,
                    ShowArrow = false,
                });
            }
        }

        return new Figure(traces, layout with { Annotations = annotations.Count > 0 ? annotations : null }) { Config = figures[0].Config };
    }

    private static double[] CellDomain(int index, int count)
    {
        double size = 1.0 / count;
        double gap = count > 1 ? Gap / 2 : 0;
        return [Math.Round((index * size) + (index > 0 ? gap : 0), 6), Math.Round(((index + 1) * size) - (index < count - 1 ? gap : 0), 6)];
    }
}
