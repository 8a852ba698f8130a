namespace Radiomics.Plotting;

/// <summary>Area a scatter trace fills (plotly.js <c>fill</c>).</summary>
public enum FillMode
{
    None,
    ToZeroY,
    ToZeroX,
    ToNextY,
    ToNextX,
    ToSelf,
    ToNext,
}
