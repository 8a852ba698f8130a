using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radiomics.Plotting.Json;

/// <summary>
/// A value for a plotly.js attribute that accepts several JSON shapes: a number, a string, a boolean, or an array of
/// numbers or strings (e.g. <c>x</c> as numbers or category names, <c>marker.color</c> as one colour or one per point,
/// <c>boxpoints</c> as <c>"all"</c> or <c>false</c>). Written as the value it holds.
/// </summary>
[JsonConverter(typeof(PlotValueConverter))]
public readonly record struct PlotValue
{
    private PlotValue(object value) => Value = value;

    /// <summary>The held value: double, string, bool, or an array of them.</summary>
    public object Value { get; }

    public static implicit operator PlotValue(double value) => new(value);

    public static implicit operator PlotValue(string value) => new(value);

    public static implicit operator PlotValue(bool value) => new(value);

    public static implicit operator PlotValue(double[] values) => new(values);

    public static implicit operator PlotValue(int[] values) => new(values);

    public static implicit operator PlotValue(string[] values) => new(values);

    public static implicit operator PlotValue(double[][] values) => new(values);

    public static implicit operator PlotValue(string[][] values) => new(values);

    public static PlotValue FromDouble(double value) => value;

    public static PlotValue FromString(string value) => value;

    public static PlotValue FromBoolean(bool value) => value;

    public static PlotValue FromDoubleArray(double[] values) => values;

    public static PlotValue FromInt32Array(int[] values) => values;

    public static PlotValue FromStringArray(string[] values) => values;

    public static PlotValue FromDoubleArray2D(double[][] values) => values;

    public static PlotValue FromStringArray2D(string[][] values) => values;
}

internal sealed class PlotValueConverter : JsonConverter<PlotValue>
{
    public override PlotValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Figures are written, not read.");

    public override void Write(Utf8JsonWriter writer, PlotValue value, JsonSerializerOptions options)
    {
        if (value.Value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value.Value, value.Value.GetType(), options);
    }
}
