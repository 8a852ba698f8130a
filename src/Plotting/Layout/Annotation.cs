namespace Radiomics.Plotting;

/// <summary>A text annotation (plotly.js <c>layout.annotations[i]</c>).</summary>
public sealed record Annotation(string Text)
{
    public Json.PlotValue? X { get; init; }

    public Json.PlotValue? Y { get; init; }

    /// <summary><c>"paper"</c> for figure fractions, or an axis id (<c>"x"</c>, <c>"x2"</c>).</summary>
    public string? XRef { get; init; }

    public string? YRef { get; init; }

    public bool? ShowArrow { get; init; }

    public HorizontalAnchor? XAnchor { get; init; }

    public VerticalAnchor? YAnchor { get; init; }

    public Font? Font { get; init; }
}
