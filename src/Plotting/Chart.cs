using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>
/// Figures from data in one call, in the spirit of Plotly.NET: <c>Chart.Heatmap(z).WithTitle("...").SaveHtml(path)</c>.
/// Each method makes a one-trace <see cref="Figure"/>; set further trace attributes with <c>trace with { ... }</c> on
/// the trace types, or combine figures with <see cref="Combine"/> and <see cref="Grid"/>.
/// </summary>
public static class Chart
{
    /// <summary>
    /// One slice of an image (default: the middle axial one) as a grey heatmap in mm with square pixels; see
    /// <see cref="Charts.SliceHeatmap.Create"/> for the window, plane and colours, <see cref="Charts.SliceViewer"/> to
    /// browse every slice with a mask overlay.
    /// </summary>
    public static Figure Slice<T>(Imaging.Image<T> image, int? slice = null, Charts.SlicePlane plane = Charts.SlicePlane.Axial)
        where T : unmanaged, System.Numerics.INumber<T> =>
        Charts.SliceHeatmap.Create(image, slice, plane);

    /// <summary>A heatmap of <paramref name="z"/>[row][column] (rows along y).</summary>
    public static Figure Heatmap(double[][] z, PlotValue? x = null, PlotValue? y = null, Colorscale? colorscale = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        return Single(new HeatmapTrace { Z = z, X = x, Y = y, Colorscale = colorscale, Name = name });
    }

    /// <summary>A heatmap of <paramref name="z"/>[row, column] (rows along y).</summary>
    public static Figure Heatmap(double[,] z, PlotValue? x = null, PlotValue? y = null, Colorscale? colorscale = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        return Heatmap(ToJagged(z), x, y, colorscale, name);
    }

    /// <summary>Points (<see cref="ScatterMode.Markers"/>, the default), lines or both (<c>ScatterMode.Lines | ScatterMode.Markers</c>).</summary>
    public static Figure Scatter(PlotValue x, PlotValue y, ScatterMode mode = ScatterMode.Markers, string? name = null) =>
        Single(new ScatterTrace { X = x, Y = y, Mode = mode, Name = name });

    /// <summary>A line through the points in order.</summary>
    public static Figure Line(PlotValue x, PlotValue y, string? name = null) => Scatter(x, y, ScatterMode.Lines, name);

    /// <summary>Points in 3D.</summary>
    public static Figure Scatter3D(PlotValue x, PlotValue y, PlotValue z, ScatterMode mode = ScatterMode.Markers, string? name = null) =>
        Single(new Scatter3DTrace { X = x, Y = y, Z = z, Mode = mode, Name = name });

    /// <summary>Vertical bars of height <paramref name="y"/> at <paramref name="x"/>.</summary>
    public static Figure Bar(PlotValue x, PlotValue y, string? name = null) => Single(new BarTrace { X = x, Y = y, Name = name });

    /// <summary>Horizontal bars of length <paramref name="x"/> at <paramref name="y"/>.</summary>
    public static Figure BarHorizontal(PlotValue x, PlotValue y, string? name = null) =>
        Single(new BarTrace { X = x, Y = y, Orientation = Orientation.Horizontal, Name = name });

    /// <summary>A box plot of <paramref name="values"/>, optionally grouped by category <paramref name="x"/>.</summary>
    public static Figure Box(double[] values, PlotValue? x = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Single(new BoxTrace { Y = values, X = x, Name = name });
    }

    /// <summary>A violin plot of <paramref name="values"/> with its inner box, optionally grouped by category <paramref name="x"/>.</summary>
    public static Figure Violin(double[] values, PlotValue? x = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Single(new ViolinTrace { Y = values, X = x, Name = name, Box = new ViolinBox { Visible = true }, MeanLine = new ViolinMeanLine { Visible = true } });
    }

    /// <summary>A Sankey diagram: flow <paramref name="value"/>[i] from node <paramref name="source"/>[i] to node <paramref name="target"/>[i].</summary>
    public static Figure Sankey(string[] labels, int[] source, int[] target, double[] value)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(value);
        if (source.Length != target.Length || source.Length != value.Length)
        {
            throw new ArgumentException($"Sankey links need equal numbers of sources ({source.Length}), targets ({target.Length}) and values ({value.Length}).", nameof(value));
        }

        for (int i = 0; i < source.Length; i++)
        {
            if ((uint)source[i] >= (uint)labels.Length || (uint)target[i] >= (uint)labels.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(source), $"Sankey link {i} ({source[i]} → {target[i]}) refers to a node outside 0..{labels.Length - 1}.");
            }
        }

        return Single(new SankeyTrace
        {
            Node = new SankeyNode { Label = labels },
            Link = new SankeyLink { Source = source, Target = target, Value = value },
        });
    }

    /// <summary>Isosurfaces of <paramref name="value"/> on the points (x, y, z) between <paramref name="isoMin"/> and <paramref name="isoMax"/>.</summary>
    public static Figure Isosurface(double[] x, double[] y, double[] z, double[] value, double isoMin, double isoMax, int surfaces = 2) =>
        Single(Volumetric(new IsosurfaceTrace(), x, y, z, value, isoMin, isoMax) with
        {
            Surface = new IsoSurfaces { Count = surfaces },
            Caps = IsoCaps.None,
        });

    /// <summary>A volume rendering of <paramref name="value"/> on the points (x, y, z) between <paramref name="isoMin"/> and <paramref name="isoMax"/>.</summary>
    public static Figure Volume(double[] x, double[] y, double[] z, double[] value, double isoMin, double isoMax, double opacity = 0.2, int surfaces = 15) =>
        Single(Volumetric(new VolumeTrace(), x, y, z, value, isoMin, isoMax) with
        {
            Opacity = opacity,
            Surface = new IsoSurfaces { Count = surfaces },
        });

    /// <summary>A surface of heights <paramref name="z"/>[row = y][column = x].</summary>
    public static Figure Surface(double[][] z, PlotValue? x = null, PlotValue? y = null, Colorscale? colorscale = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        return Single(new SurfaceTrace { Z = z, X = x, Y = y, Colorscale = colorscale });
    }

    /// <summary>All traces of the figures on shared axes, with the first figure's layout and config.</summary>
    public static Figure Combine(params IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0)
        {
            throw new ArgumentException("Combine needs at least one figure.", nameof(figures));
        }

        var frames = figures.Where(f => f.Frames is not null).SelectMany(f => f.Frames!).ToList();
        return figures[0] with
        {
            Data = [.. figures.SelectMany(f => f.Data)],
            Frames = frames.Count > 0 ? frames : null,
        };
    }

    /// <summary>
    /// The figures as subplots of a grid, row by row from the top: figure i draws on axes x(i+1)/y(i+1) (or scene
    /// i+1) placed in its cell, keeping its axis settings; each figure's title becomes a caption over its cell.
    /// </summary>
    public static Figure Grid(int rows, int columns, params IReadOnlyList<Figure> figures) =>
        SubplotGrid.Arrange(rows, columns, figures);

    /// <summary>One HTML page drawing the figures one below the other (a report), loading plotly.js once.</summary>
    public static string ToHtmlPage(string title, IReadOnlyList<Figure> figures, PlotlySource? plotly = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(figures);
        return FigureHtml.Document(figures, title, plotly ?? PlotlySource.Default);
    }

    /// <summary>Writes <see cref="ToHtmlPage"/> to <paramref name="path"/> atomically.</summary>
    public static void SaveHtmlPage(string path, string title, IReadOnlyList<Figure> figures, PlotlySource? plotly = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Radiomics.IO.AtomicFile.WriteAllText(path, ToHtmlPage(title, figures, plotly));
    }

    internal static double[][] ToJagged(double[,] z)
    {
        int rows = z.GetLength(0), columns = z.GetLength(1);
        var jagged = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            jagged[r] = new double[columns];
            for (int c = 0; c < columns; c++)
            {
                jagged[r][c] = z[r, c];
            }
        }

        return jagged;
    }

    private static Figure Single(Trace trace) => new([trace]);

    private static T Volumetric<T>(T trace, double[] x, double[] y, double[] z, double[] value, double isoMin, double isoMax)
        where T : VolumetricTrace
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(value);
        if (x.Length != value.Length || y.Length != value.Length || z.Length != value.Length)
        {
            throw new ArgumentException($"x, y, z and value need one entry per point (got {x.Length}, {y.Length}, {z.Length}, {value.Length}).", nameof(value));
        }

        if (!(isoMin <= isoMax))
        {
            throw new ArgumentOutOfRangeException(nameof(isoMin), $"isoMin ({isoMin}) must not exceed isoMax ({isoMax}).");
        }

        return trace with { X = x, Y = y, Z = z, Value = value, IsoMin = isoMin, IsoMax = isoMax };
    }
}
