using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>A surface z = f(x, y) in a 3D scene (plotly.js <c>surface</c>), <see cref="Z"/>[row = y][column = x].</summary>
public sealed record SurfaceTrace : SceneTrace
{
    protected override string PlotlyType => "surface";

    public double[][] Z { get; init; } = [];

    public PlotValue? X { get; init; }

    public PlotValue? Y { get; init; }

    /// <summary>Values coloured on the surface instead of its height.</summary>
    public double[][]? SurfaceColor { get; init; }

    public Colorscale? Colorscale { get; init; }

    public bool? ShowScale { get; init; }

    public double? CMin { get; init; }

    public double? CMax { get; init; }

    public ColorBar? ColorBar { get; init; }
}
