namespace Radiomics.Plotting;

/// <summary>Line styling (plotly.js <c>line</c> of a trace or of a marker).</summary>
public sealed record Line
{
    public string? Color { get; init; }

    public double? Width { get; init; }

    /// <summary><c>"solid"</c>, <c>"dot"</c>, <c>"dash"</c>, <c>"dashdot"</c>, ....</summary>
    public string? Dash { get; init; }

    /// <summary><c>"linear"</c>, <c>"spline"</c>, <c>"hv"</c>, ....</summary>
    public string? Shape { get; init; }
}
