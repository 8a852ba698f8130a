namespace Radiomics.Plotting;

/// <summary>Which side of an annotation, menu or slider its y position refers to (plotly.js <c>yanchor</c>).</summary>
public enum VerticalAnchor
{
    Auto,
    Top,
    Middle,
    Bottom,
}
