using System.Text.Json.Serialization;
using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>Points and lines on 2D axes (plotly.js <c>scatter</c>).</summary>
public sealed record ScatterTrace : CartesianTrace
{
    protected override string PlotlyType => "scatter";

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    public ScatterMode? Mode { get; init; }

    public Marker? Marker { get; init; }

    public Line? Line { get; init; }

    public PlotValue? Text { get; init; }

    public TextPosition? TextPosition { get; init; }

    [JsonPropertyName("error_y")]
    public ErrorBars? ErrorY { get; init; }

    public FillMode? Fill { get; init; }

    public string? FillColor { get; init; }

    public bool? ConnectGaps { get; init; }
}
