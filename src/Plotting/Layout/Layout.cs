using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Radiomics.Plotting;

/// <summary>
/// Figure layout (plotly.js <c>layout</c>). Axes beyond the first of a subplot grid (<c>xaxis2</c>, <c>yaxis3</c>,
/// <c>scene2</c>) are kept in <see cref="SubplotAxes"/> and <see cref="SubplotScenes"/> and written under their
/// plotly.js names.
/// </summary>
public sealed record Layout
{
    public Title? Title { get; init; }

    public double? Width { get; init; }

    public double? Height { get; init; }

    public bool? AutoSize { get; init; }

    public Margin? Margin { get; init; }

    public Font? Font { get; init; }

    public bool? ShowLegend { get; init; }

    public Legend? Legend { get; init; }

    public Axis? XAxis { get; init; }

    public Axis? YAxis { get; init; }

    public Scene? Scene { get; init; }

    public LayoutGrid? Grid { get; init; }

    public IReadOnlyList<Slider>? Sliders { get; init; }

    public IReadOnlyList<UpdateMenu>? UpdateMenus { get; init; }

    public IReadOnlyList<Annotation>? Annotations { get; init; }

    public BarMode? BarMode { get; init; }

    public BoxMode? BoxMode { get; init; }

    public BoxMode? ViolinMode { get; init; }

    /// <summary><c>"closest"</c>, <c>"x"</c>, <c>"x unified"</c>, ... or false.</summary>
    public Json.PlotValue? HoverMode { get; init; }

    [JsonPropertyName("paper_bgcolor")]
    public string? PaperBackgroundColor { get; init; }

    [JsonPropertyName("plot_bgcolor")]
    public string? PlotBackgroundColor { get; init; }

    /// <summary>Cartesian axes of further subplots by plotly.js name (<c>"xaxis2"</c>, <c>"yaxis2"</c>, ...).</summary>
    [JsonIgnore]
    public ImmutableSortedDictionary<string, Axis> SubplotAxes { get; init; } = ImmutableSortedDictionary<string, Axis>.Empty;

    /// <summary>3D scenes of further subplots by plotly.js name (<c>"scene2"</c>, ...).</summary>
    [JsonIgnore]
    public ImmutableSortedDictionary<string, Scene> SubplotScenes { get; init; } = ImmutableSortedDictionary<string, Scene>.Empty;

    /// <summary>The x axis with plotly.js id <paramref name="id"/> (<c>"x"</c>, <c>"x2"</c>, ...), if set.</summary>
    public Axis? GetXAxis(string id) => id == "x" ? XAxis : SubplotAxes.GetValueOrDefault(AxisName(id));

    /// <summary>The y axis with plotly.js id <paramref name="id"/> (<c>"y"</c>, <c>"y2"</c>, ...), if set.</summary>
    public Axis? GetYAxis(string id) => id == "y" ? YAxis : SubplotAxes.GetValueOrDefault(AxisName(id));

    /// <summary>Sets the axis with plotly.js id <c>"x"</c>, <c>"x2"</c>, <c>"y3"</c>, ....</summary>
    public Layout WithAxis(string id, Axis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        string name = AxisName(id);
        return name switch
        {
            "xaxis" => this with { XAxis = axis },
            "yaxis" => this with { YAxis = axis },
            _ => this with { SubplotAxes = SubplotAxes.SetItem(name, axis) },
        };
    }

    /// <summary>Sets the scene with plotly.js id <c>"scene"</c>, <c>"scene2"</c>, ....</summary>
    public Layout WithScene(string id, Scene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (id == "scene")
        {
            return this with { Scene = scene };
        }

        if (!id.StartsWith("scene", StringComparison.Ordinal) || !int.TryParse(id.AsSpan(5), out int n) || n < 2)
        {
            throw new ArgumentException($"'{id}' is not a plotly.js scene id (scene, scene2, scene3, ...).", nameof(id));
        }

        return this with { SubplotScenes = SubplotScenes.SetItem(id, scene) };
    }

    // Written as extra top-level members of the layout object; System.Text.Json reads this only when serialising.
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, object> SubplotMembers
    {
        get
        {
            var members = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, axis) in SubplotAxes)
            {
                members[name] = axis;
            }

            foreach (var (name, scene) in SubplotScenes)
            {
                members[name] = scene;
            }

            return members;
        }
        private set => _ = value;
    }

    private static string AxisName(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        char letter = id[0];
        if ((letter is 'x' or 'y') && (id.Length == 1 || (int.TryParse(id.AsSpan(1), out int n) && n >= 2 && id[1] != '0')))
        {
            return id.Length == 1 ? $"{letter}axis" : $"{letter}axis{id[1..]}";
        }

        throw new ArgumentException($"'{id}' is not a plotly.js axis id (x, x2, y, y3, ...).", nameof(id));
    }
}
