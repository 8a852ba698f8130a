using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radiomics.Plotting.Json;

/// <summary>The serializer settings for plotly.js figure JSON: lower-case names, unset (null) attributes omitted.</summary>
internal static class PlotlyJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = new PlotlyNamingPolicy(),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
        };
        options.Converters.Add(new PlotNumberConverter());
        options.Converters.Add(new ScatterModeConverter());
        options.Converters.Add(new JsonStringEnumConverter(new PlotlyNamingPolicy()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
