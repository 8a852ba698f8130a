namespace Radiomics.Plotting;

/// <summary>A 3D scene (plotly.js <c>layout.scene</c>) for isosurface, volume, surface and scatter3d traces.</summary>
public sealed record Scene
{
    public SceneAxis? XAxis { get; init; }

    public SceneAxis? YAxis { get; init; }

    public SceneAxis? ZAxis { get; init; }

    /// <summary><see cref="Plotting.AspectMode.Data"/> keeps physical proportions.</summary>
    public AspectMode? AspectMode { get; init; }

    public Domain? Domain { get; init; }
}

/// <summary>An axis of a 3D scene.</summary>
public sealed record SceneAxis
{
    public Title? Title { get; init; }

    public double[]? Range { get; init; }

    public Json.PlotValue? AutoRange { get; init; }

    public bool? ShowGrid { get; init; }

    public bool? Visible { get; init; }
}

/// <summary>The fraction of the figure (0..1 in x and y) a scene, sankey or pie occupies.</summary>
public sealed record Domain
{
    public double[]? X { get; init; }

    public double[]? Y { get; init; }
}
