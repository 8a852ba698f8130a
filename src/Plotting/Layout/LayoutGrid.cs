namespace Radiomics.Plotting;

/// <summary>A subplot grid (plotly.js <c>layout.grid</c>).</summary>
public sealed record LayoutGrid
{
    public int? Rows { get; init; }

    public int? Columns { get; init; }

    public GridPattern? Pattern { get; init; }

    public GridRowOrder? RowOrder { get; init; }

    public double? XGap { get; init; }

    public double? YGap { get; init; }
}
