using System.Text.Json;

namespace Radiomics.Plotting.Json;

/// <summary>plotly.js attribute names are the C# property names in lower case (<c>ShowScale</c> → <c>showscale</c>).</summary>
internal sealed class PlotlyNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => name.ToLowerInvariant();
}
