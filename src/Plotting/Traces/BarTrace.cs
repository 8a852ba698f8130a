using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>Bars (plotly.js <c>bar</c>); horizontal with <see cref="Orientation"/> <c>"h"</c>.</summary>
public sealed record BarTrace : CartesianTrace
{
    protected override string PlotlyType => "bar";

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    public Orientation? Orientation { get; init; }

    public Marker? Marker { get; init; }

    public PlotValue? Text { get; init; }

    public BarTextPosition? TextPosition { get; init; }

    public PlotValue? Base { get; init; }

    public PlotValue? Width { get; init; }
}
