namespace Radiomics.Plotting;

/// <summary>Scale of a 2D axis (plotly.js <c>axis.type</c>); unset lets plotly.js infer it.</summary>
public enum AxisType
{
    Linear,
    Log,
    Date,
    Category,
    MultiCategory,
}
