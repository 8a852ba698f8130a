using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>Bars (plotly.js <c>bar</c>); horizontal with <see cref="Orientation"/> <c>"h"</c>.</summary>
public sealed record BarTrace : CartesianTrace
{
    protected override string PlotlyType => "bar";

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    /// <summary><c>"v"</c> (default) or <c>"h"</c>.</summary>
    public string? Orientation { get; init; }

    public Marker? Marker { get; init; }

    public PlotValue? Text { get; init; }

    /// <summary><c>"inside"</c>, <c>"outside"</c>, <c>"auto"</c>, <c>"none"</c>.</summary>
    public string? TextPosition { get; init; }

    public PlotValue? Base { get; init; }

    public PlotValue? Width { get; init; }
}
