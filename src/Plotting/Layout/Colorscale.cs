using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>
/// A plotly.js colour scale: a named one (<c>"Viridis"</c>, <c>"Greys"</c>, <c>"RdBu"</c>) or explicit stops
/// (position 0..1, CSS colour). A string converts to a named scale.
/// </summary>
[JsonConverter(typeof(ColorscaleConverter))]
public sealed record Colorscale
{
    private Colorscale(string? name, IReadOnlyList<(double Position, string Color)>? stops)
    {
        Name = name;
        Stops = stops;
    }

    public string? Name { get; }

    public IReadOnlyList<(double Position, string Color)>? Stops { get; }

    public static Colorscale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name, null);
    }

    /// <summary>Explicit stops; positions must rise from 0 to 1.</summary>
    public static Colorscale FromStops(IReadOnlyList<(double Position, string Color)> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count < 2 || stops[0].Position != 0 || stops[^1].Position != 1)
        {
            throw new ArgumentException("A colour scale needs at least two stops, the first at 0 and the last at 1.", nameof(stops));
        }

        for (int i = 1; i < stops.Count; i++)
        {
            if (stops[i].Position < stops[i - 1].Position)
            {
                throw new ArgumentException($"Colour scale stop {i} at {stops[i].Position} lies before the previous one.", nameof(stops));
            }
        }

        return new(null, [.. stops]);
    }

    /// <summary>
    /// A discrete scale for integer labels 0..<paramref name="colors"/>.Count-1 plotted with zmin = -0.5 and
    /// zmax = count - 0.5: each label gets one flat colour band.
    /// </summary>
    public static Colorscale Discrete(IReadOnlyList<string> colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        if (colors.Count == 0)
        {
            throw new ArgumentException("A discrete colour scale needs at least one colour.", nameof(colors));
        }

        var stops = new List<(double, string)>(2 * colors.Count);
        for (int i = 0; i < colors.Count; i++)
        {
            stops.Add(((double)i / colors.Count, colors[i]));
            stops.Add(((double)(i + 1) / colors.Count, colors[i]));
        }

        return new(null, stops);
    }

    public static implicit operator Colorscale(string name) => Named(name);

    public static Colorscale FromString(string name) => Named(name);
}

internal sealed class ColorscaleConverter : JsonConverter<Colorscale>
{
    public override Colorscale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Figures are written, not read.");

    public override void Write(Utf8JsonWriter writer, Colorscale value, JsonSerializerOptions options)
    {
        if (value.Name is not null)
        {
            writer.WriteStringValue(value.Name);
            return;
        }

        writer.WriteStartArray();
        foreach (var (position, color) in value.Stops!)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(position);
            writer.WriteStringValue(color);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
