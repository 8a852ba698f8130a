namespace Radiomics.Plotting;

/// <summary>Line styling (plotly.js <c>line</c> of a trace or of a marker).</summary>
public sealed record Line
{
    public string? Color { get; init; }

    public double? Width { get; init; }

    public LineDash? Dash { get; init; }

    public LineShape? Shape { get; init; }
}
