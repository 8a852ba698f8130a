using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radiomics.Plotting.Json;

/// <summary>
/// Writes doubles the way plotly.js wants them: NaN and infinities as <c>null</c> (a gap; JSON has no NaN), and values
/// that are exactly representable as <see cref="float"/> (most image data) in float's shortest form, so a voxel of
/// 40.1f is written as 40.1 rather than 40.099998474121094 — figures of image slices stay half the size.
/// </summary>
internal sealed class PlotNumberConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }

        float single = (float)value;
        if (single == value)
        {
            writer.WriteNumberValue(single);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }
}
