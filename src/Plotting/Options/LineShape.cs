namespace Radiomics.Plotting;

/// <summary>How a line joins its points (plotly.js <c>line.shape</c>).</summary>
public enum LineShape
{
    Linear,
    Spline,
    Hv,
    Vh,
    Hvh,
    Vhv,
}
