namespace Radiomics.Plotting;

/// <summary>Text font (plotly.js <c>font</c>).</summary>
public sealed record Font
{
    public string? Family { get; init; }

    public double? Size { get; init; }

    public string? Color { get; init; }
}
