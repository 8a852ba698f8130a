namespace Radiomics.Plotting;

/// <summary>Dash pattern of a line (plotly.js <c>line.dash</c>).</summary>
public enum LineDash
{
    Solid,
    Dot,
    Dash,
    LongDash,
    DashDot,
    LongDashDot,
}
