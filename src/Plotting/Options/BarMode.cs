namespace Radiomics.Plotting;

/// <summary>How bars at one location are drawn (plotly.js <c>layout.barmode</c>).</summary>
public enum BarMode
{
    Stack,
    Group,
    Overlay,
    Relative,
}
