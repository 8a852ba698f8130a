using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>Direction of bars, boxes, violins, sankey links or legend entries (plotly.js <c>orientation</c>).</summary>
public enum Orientation
{
    /// <summary>Horizontal (<c>"h"</c>).</summary>
    [JsonStringEnumMemberName("h")]
    Horizontal,

    /// <summary>Vertical (<c>"v"</c>).</summary>
    [JsonStringEnumMemberName("v")]
    Vertical,
}
