namespace Radiomics.Plotting;

/// <summary>Error bars (plotly.js <c>error_y</c>/<c>error_x</c>).</summary>
public sealed record ErrorBars
{
    /// <summary><c>"data"</c> (values in <see cref="Array"/>), <c>"percent"</c>, <c>"constant"</c>, <c>"sqrt"</c>.</summary>
    public string Type { get; init; } = "data";

    public double[]? Array { get; init; }

    public double[]? ArrayMinus { get; init; }

    public bool? Symmetric { get; init; }

    public bool? Visible { get; init; }

    public string? Color { get; init; }
}
