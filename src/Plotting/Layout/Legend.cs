namespace Radiomics.Plotting;

/// <summary>The legend (plotly.js <c>layout.legend</c>).</summary>
public sealed record Legend
{
    /// <summary><c>"v"</c> or <c>"h"</c>.</summary>
    public string? Orientation { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public Title? Title { get; init; }
}
