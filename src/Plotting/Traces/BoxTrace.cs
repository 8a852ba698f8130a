using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>A box plot (plotly.js <c>box</c>) of the values in <see cref="Y"/> (or <see cref="X"/> when horizontal).</summary>
public sealed record BoxTrace : CartesianTrace
{
    protected override string PlotlyType => "box";

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    public Orientation? Orientation { get; init; }

    /// <summary><c>"all"</c>, <c>"outliers"</c>, <c>"suspectedoutliers"</c> or false.</summary>
    public PlotValue? BoxPoints { get; init; }

    /// <summary>true (mean line), <c>"sd"</c> (mean and standard deviation) or false.</summary>
    public PlotValue? BoxMean { get; init; }

    public double? Jitter { get; init; }

    public double? PointPos { get; init; }

    public Marker? Marker { get; init; }

    public Line? Line { get; init; }

    public string? FillColor { get; init; }
}
