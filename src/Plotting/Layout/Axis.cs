namespace Radiomics.Plotting;

/// <summary>A 2D cartesian axis (plotly.js <c>layout.xaxis</c>, <c>layout.yaxis2</c>, ...).</summary>
public sealed record Axis
{
    public Title? Title { get; init; }

    /// <summary>Scale of the axis; unset lets plotly.js infer it.</summary>
    public AxisType? Type { get; init; }

    public double[]? Range { get; init; }

    /// <summary><c>true</c>, <c>false</c> or <c>"reversed"</c> (images: row 0 at the top).</summary>
    public Json.PlotValue? AutoRange { get; init; }

    /// <summary>Ties this axis' scale to another (<c>"x"</c>): with <see cref="ScaleRatio"/> keeps the aspect ratio.</summary>
    public string? ScaleAnchor { get; init; }

    public double? ScaleRatio { get; init; }

    /// <summary>What gives way to honour <see cref="ScaleAnchor"/>.</summary>
    public AxisConstrain? Constrain { get; init; }

    public double[]? Domain { get; init; }

    public string? Anchor { get; init; }

    public bool? ShowGrid { get; init; }

    public bool? ZeroLine { get; init; }

    public bool? ShowTickLabels { get; init; }

    public string? TickFormat { get; init; }

    public double? TickAngle { get; init; }

    /// <summary>Grow the plot margin so that tick labels are never clipped (plotly.js <c>automargin</c>).</summary>
    public bool? AutoMargin { get; init; }

    public TickPlacement? Ticks { get; init; }

    public bool? Visible { get; init; }
}
