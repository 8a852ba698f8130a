namespace Radiomics.Plotting;

/// <summary>A subplot grid (plotly.js <c>layout.grid</c>).</summary>
public sealed record LayoutGrid
{
    public int? Rows { get; init; }

    public int? Columns { get; init; }

    /// <summary><c>"independent"</c> (each cell its own axes) or <c>"coupled"</c> (shared x per column, y per row).</summary>
    public string? Pattern { get; init; }

    /// <summary><c>"top to bottom"</c> or <c>"bottom to top"</c>.</summary>
    public string? RowOrder { get; init; }

    public double? XGap { get; init; }

    public double? YGap { get; init; }
}
