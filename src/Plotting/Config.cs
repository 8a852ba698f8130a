using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>plotly.js plot configuration (the <c>config</c> argument of <c>Plotly.newPlot</c>; camel-case names).</summary>
public sealed record Config
{
    /// <summary>Resize with the page (default on in figures made here).</summary>
    [JsonPropertyName("responsive")]
    public bool? Responsive { get; init; } = true;

    [JsonPropertyName("displaylogo")]
    public bool? DisplayLogo { get; init; } = false;

    /// <summary>true, false or <c>"hover"</c>.</summary>
    [JsonPropertyName("displayModeBar")]
    public Json.PlotValue? DisplayModeBar { get; init; }

    [JsonPropertyName("scrollZoom")]
    public bool? ScrollZoom { get; init; }

    [JsonPropertyName("staticPlot")]
    public bool? StaticPlot { get; init; }

    [JsonPropertyName("toImageButtonOptions")]
    public ImageExportOptions? ToImageButtonOptions { get; init; }
}

/// <summary>Options of the mode bar's "download as image" button.</summary>
public sealed record ImageExportOptions
{
    /// <summary><c>"png"</c>, <c>"svg"</c>, <c>"jpeg"</c>, <c>"webp"</c>.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    [JsonPropertyName("scale")]
    public double? Scale { get; init; }
}
