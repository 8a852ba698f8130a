namespace Radiomics.Plotting;

/// <summary>What gives way when an axis keeps its scale tied to another (plotly.js <c>axis.constrain</c>).</summary>
public enum AxisConstrain
{
    /// <summary>The range grows.</summary>
    Range,

    /// <summary>The axis shrinks within its domain (images keep square pixels without blank margins).</summary>
    Domain,
}
