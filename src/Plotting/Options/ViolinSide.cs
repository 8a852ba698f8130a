namespace Radiomics.Plotting;

/// <summary>Which side of its axis a violin is drawn on (plotly.js <c>violin.side</c>).</summary>
public enum ViolinSide
{
    Both,
    Positive,
    Negative,
}
