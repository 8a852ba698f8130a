namespace Radiomics.Plotting;

/// <summary>Axes of a subplot grid (plotly.js <c>layout.grid.pattern</c>).</summary>
public enum GridPattern
{
    /// <summary>Each cell its own axes.</summary>
    Independent,

    /// <summary>Shared x per column and y per row.</summary>
    Coupled,
}
