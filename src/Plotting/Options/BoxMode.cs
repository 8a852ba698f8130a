namespace Radiomics.Plotting;

/// <summary>How boxes or violins at one location are drawn (plotly.js <c>layout.boxmode</c>, <c>layout.violinmode</c>).</summary>
public enum BoxMode
{
    Group,
    Overlay,
}
