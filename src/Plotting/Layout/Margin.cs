namespace Radiomics.Plotting;

/// <summary>Plot margins in pixels (plotly.js <c>layout.margin</c>).</summary>
public sealed record Margin
{
    public double? L { get; init; }

    public double? R { get; init; }

    public double? T { get; init; }

    public double? B { get; init; }
}
