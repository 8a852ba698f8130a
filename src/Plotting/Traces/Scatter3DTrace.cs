using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>Points and lines in a 3D scene (plotly.js <c>scatter3d</c>).</summary>
public sealed record Scatter3DTrace : SceneTrace
{
    protected override string PlotlyType => "scatter3d";

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    public PlotValue? Z { get; init; }

    public ScatterMode? Mode { get; init; }

    public Marker? Marker { get; init; }

    public Line? Line { get; init; }

    public PlotValue? Text { get; init; }
}
