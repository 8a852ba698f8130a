using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>Order of a subplot grid's rows (plotly.js <c>layout.grid.roworder</c>).</summary>
public enum GridRowOrder
{
    [JsonStringEnumMemberName("top to bottom")]
    TopToBottom,

    [JsonStringEnumMemberName("bottom to top")]
    BottomToTop,
}
