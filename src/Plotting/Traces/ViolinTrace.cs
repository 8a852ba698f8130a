using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>A violin plot (plotly.js <c>violin</c>): a kernel density of the values with an optional inner box.</summary>
public sealed record ViolinTrace : CartesianTrace
{
    protected override string PlotlyType => "violin";

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    public Orientation? Orientation { get; init; }

    public ViolinBox? Box { get; init; }

    public ViolinMeanLine? MeanLine { get; init; }

    /// <summary><c>"all"</c>, <c>"outliers"</c>, <c>"suspectedoutliers"</c> or false.</summary>
    public PlotValue? Points { get; init; }

    public ViolinSide? Side { get; init; }

    public ViolinSpan? SpanMode { get; init; }

    public double? Jitter { get; init; }

    public double? PointPos { get; init; }

    public Marker? Marker { get; init; }

    public Line? Line { get; init; }

    public string? FillColor { get; init; }

    public string? ScaleGroup { get; init; }
}

/// <summary>The box drawn inside a violin.</summary>
public sealed record ViolinBox
{
    public bool? Visible { get; init; }

    public double? Width { get; init; }
}

/// <summary>The mean line of a violin.</summary>
public sealed record ViolinMeanLine
{
    public bool? Visible { get; init; }
}
