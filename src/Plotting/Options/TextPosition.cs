using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>Where a scatter point's text goes (plotly.js <c>scatter.textposition</c>).</summary>
public enum TextPosition
{
    [JsonStringEnumMemberName("top left")]
    TopLeft,
    [JsonStringEnumMemberName("top center")]
    TopCentre,
    [JsonStringEnumMemberName("top right")]
    TopRight,
    [JsonStringEnumMemberName("middle left")]
    MiddleLeft,
    [JsonStringEnumMemberName("middle center")]
    MiddleCentre,
    [JsonStringEnumMemberName("middle right")]
    MiddleRight,
    [JsonStringEnumMemberName("bottom left")]
    BottomLeft,
    [JsonStringEnumMemberName("bottom center")]
    BottomCentre,
    [JsonStringEnumMemberName("bottom right")]
    BottomRight,
}
