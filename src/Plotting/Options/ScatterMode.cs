using System.Text.Json.Serialization;
using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>
/// What a scatter trace draws (plotly.js <c>mode</c>), combinable: <c>ScatterMode.Lines | ScatterMode.Markers</c> is
/// written as <c>"lines+markers"</c>; <see cref="None"/> as <c>"none"</c>.
/// </summary>
[Flags]
[JsonConverter(typeof(ScatterModeConverter))]
public enum ScatterMode
{
    None = 0,
    Lines = 1,
    Markers = 2,
    Text = 4,
}
