using System.Text.Json.Serialization;
using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>
/// A plotly.js trace. Written with its <c>type</c> first; attributes left null are omitted so plotly.js applies its
/// defaults.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeatmapTrace), "heatmap")]
[JsonDerivedType(typeof(ScatterTrace), "scatter")]
[JsonDerivedType(typeof(Scatter3DTrace), "scatter3d")]
[JsonDerivedType(typeof(BarTrace), "bar")]
[JsonDerivedType(typeof(BoxTrace), "box")]
[JsonDerivedType(typeof(ViolinTrace), "violin")]
[JsonDerivedType(typeof(SankeyTrace), "sankey")]
[JsonDerivedType(typeof(IsosurfaceTrace), "isosurface")]
[JsonDerivedType(typeof(VolumeTrace), "volume")]
[JsonDerivedType(typeof(SurfaceTrace), "surface")]
public abstract record Trace
{
    public string? Name { get; init; }

    /// <summary><c>true</c>, <c>false</c> or <c>"legendonly"</c>.</summary>
    public PlotValue? Visible { get; init; }

    public bool? ShowLegend { get; init; }

    public string? LegendGroup { get; init; }

    public double? Opacity { get; init; }

    /// <summary>plotly.js hover template, e.g. <c>"x %{x:.1f} mm&lt;extra&gt;&lt;/extra&gt;"</c>.</summary>
    public string? HoverTemplate { get; init; }

    /// <summary>The plotly.js trace type (<c>"heatmap"</c>, <c>"scatter"</c>, ...), written as <c>type</c>.</summary>
    [JsonIgnore]
    public string TraceType => PlotlyType;

    // Protected, so System.Text.Json does not write it again next to the "type" discriminator.
    protected abstract string PlotlyType { get; }
}

/// <summary>A trace drawn on 2D cartesian axes; <see cref="XAxis"/>/<see cref="YAxis"/> pick a subplot's axes.</summary>
public abstract record CartesianTrace : Trace
{
    /// <summary>x axis id: <c>"x"</c> (default), <c>"x2"</c>, ....</summary>
    public string? XAxis { get; init; }

    /// <summary>y axis id: <c>"y"</c> (default), <c>"y2"</c>, ....</summary>
    public string? YAxis { get; init; }
}

/// <summary>A trace drawn in a 3D scene; <see cref="Scene"/> picks the subplot's scene.</summary>
public abstract record SceneTrace : Trace
{
    /// <summary>Scene id: <c>"scene"</c> (default), <c>"scene2"</c>, ....</summary>
    public string? Scene { get; init; }
}
