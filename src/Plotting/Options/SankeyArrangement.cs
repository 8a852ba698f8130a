namespace Radiomics.Plotting;

/// <summary>How sankey nodes may be moved (plotly.js <c>sankey.arrangement</c>).</summary>
public enum SankeyArrangement
{
    Snap,
    Perpendicular,
    Freeform,
    Fixed,
}
