using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>Which side of an annotation, menu or slider its x position refers to (plotly.js <c>xanchor</c>).</summary>
public enum HorizontalAnchor
{
    Auto,
    Left,

    [JsonStringEnumMemberName("center")]
    Centre,
    Right,
}
