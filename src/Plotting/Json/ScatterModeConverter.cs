using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radiomics.Plotting.Json;

/// <summary>Writes <see cref="ScatterMode"/> flags in plotly.js' <c>"lines+markers+text"</c> form and reads it back.</summary>
internal sealed class ScatterModeConverter : JsonConverter<ScatterMode>
{
    private static readonly (ScatterMode Flag, string Word)[] Words =
        [(ScatterMode.Lines, "lines"), (ScatterMode.Markers, "markers"), (ScatterMode.Text, "text")];

    public override ScatterMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? "none";
        var mode = ScatterMode.None;
        foreach (string part in text.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            mode |= part == "none" ? ScatterMode.None
                : Words.FirstOrDefault(w => w.Word == part) is { Word: not null } w ? w.Flag
                : throw new JsonException($"'{part}' is not a plotly.js scatter mode.");
        }

        return mode;
    }

    public override void Write(Utf8JsonWriter writer, ScatterMode value, JsonSerializerOptions options)
    {
        var parts = Words.Where(w => value.HasFlag(w.Flag)).Select(w => w.Word).ToArray();
        writer.WriteStringValue(parts.Length == 0 ? "none" : string.Join('+', parts));
    }
}
