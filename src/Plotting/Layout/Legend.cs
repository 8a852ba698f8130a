namespace Radiomics.Plotting;

/// <summary>The legend (plotly.js <c>layout.legend</c>).</summary>
public sealed record Legend
{
    public Orientation? Orientation { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public Title? Title { get; init; }
}
