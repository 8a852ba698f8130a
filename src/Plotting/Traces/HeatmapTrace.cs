using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>
/// A heatmap (plotly.js <c>heatmap</c>): <see cref="Z"/>[row][column], row = y, column = x. Numeric coordinates are
/// given either as <see cref="X"/>/<see cref="Y"/> or as a start and step (<see cref="X0"/>, <see cref="DX"/>).
/// </summary>
public sealed record HeatmapTrace : CartesianTrace
{
    protected override string PlotlyType => "heatmap";

    public double[][] Z { get; init; } = [];

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    public double? X0 { get; init; }

    public double? DX { get; init; }

    public double? Y0 { get; init; }

    public double? DY { get; init; }

    public Colorscale? Colorscale { get; init; }

    public bool? ReverseScale { get; init; }

    public double? ZMin { get; init; }

    public double? ZMax { get; init; }

    public double? ZMid { get; init; }

    public bool? ShowScale { get; init; }

    public ColorBar? ColorBar { get; init; }

    /// <summary>Per-cell text, [row][column].</summary>
    public string[][]? Text { get; init; }

    /// <summary>Text drawn in each cell, e.g. <c>"%{z:.2f}"</c>.</summary>
    public string? TextTemplate { get; init; }

    public bool? HoverOnGaps { get; init; }

    /// <summary><c>"fast"</c>, <c>"best"</c> or false (no smoothing; voxels stay square).</summary>
    public PlotValue? ZSmooth { get; init; }

    public double? XGap { get; init; }

    public double? YGap { get; init; }
}
