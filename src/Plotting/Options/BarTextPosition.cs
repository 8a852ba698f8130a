namespace Radiomics.Plotting;

/// <summary>Where a bar's text goes (plotly.js <c>bar.textposition</c>).</summary>
public enum BarTextPosition
{
    Inside,
    Outside,
    Auto,
    None,
}
