namespace Radiomics.Plotting;

/// <summary>Where tick marks are drawn (plotly.js <c>axis.ticks</c>).</summary>
public enum TickPlacement
{
    Outside,
    Inside,
}
