using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>Point or bar styling (plotly.js <c>marker</c>).</summary>
public sealed record Marker
{
    /// <summary>One CSS colour, a colour per point, or numbers mapped through <see cref="Colorscale"/>.</summary>
    public PlotValue? Color { get; init; }

    public PlotValue? Size { get; init; }

    public PlotValue? Symbol { get; init; }

    public PlotValue? Opacity { get; init; }

    public Colorscale? Colorscale { get; init; }

    public bool? ShowScale { get; init; }

    public double? CMin { get; init; }

    public double? CMax { get; init; }

    public ColorBar? ColorBar { get; init; }

    public Line? Line { get; init; }
}
