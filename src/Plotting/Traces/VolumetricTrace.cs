namespace Radiomics.Plotting;

/// <summary>
/// Values on 3D points drawn as isosurfaces (<see cref="IsosurfaceTrace"/>) or a semi-transparent volume
/// (<see cref="VolumeTrace"/>): <see cref="X"/>, <see cref="Y"/>, <see cref="Z"/> and <see cref="Value"/> are flat arrays of
/// equal length (plotly.js wants a full grid of points).
/// </summary>
public abstract record VolumetricTrace : SceneTrace
{
    public double[] X { get; init; } = [];

    public double[] Y { get; init; } = [];

    public double[] Z { get; init; } = [];

    public double[] Value { get; init; } = [];

    public double? IsoMin { get; init; }

    public double? IsoMax { get; init; }

    public IsoSurfaces? Surface { get; init; }

    public IsoCaps? Caps { get; init; }

    public Colorscale? Colorscale { get; init; }

    public bool? ShowScale { get; init; }

    public double? CMin { get; init; }

    public double? CMax { get; init; }

    public ColorBar? ColorBar { get; init; }

    public bool? FlatShading { get; init; }
}

/// <summary>How many isosurfaces between <c>isomin</c> and <c>isomax</c> are drawn and how filled they are.</summary>
public sealed record IsoSurfaces
{
    public int? Count { get; init; }

    public double? Fill { get; init; }

    public bool? Show { get; init; }
}

/// <summary>End caps where the isosurfaces meet the grid's bounds.</summary>
public sealed record IsoCaps
{
    public IsoCap? X { get; init; }

    public IsoCap? Y { get; init; }

    public IsoCap? Z { get; init; }

    public static IsoCaps None { get; } = new() { X = new() { Show = false }, Y = new() { Show = false }, Z = new() { Show = false } };
}

public sealed record IsoCap
{
    public bool? Show { get; init; }

    public double? Fill { get; init; }
}

/// <summary>Isosurfaces of values on a 3D grid (plotly.js <c>isosurface</c>).</summary>
public sealed record IsosurfaceTrace : VolumetricTrace
{
    protected override string PlotlyType => "isosurface";
}

/// <summary>A volume rendering of values on a 3D grid (plotly.js <c>volume</c>).</summary>
public sealed record VolumeTrace : VolumetricTrace
{
    protected override string PlotlyType => "volume";

    /// <summary><c>"uniform"</c>, <c>"extremes"</c>, <c>"min"</c>, <c>"max"</c> or [value, opacity] pairs.</summary>
    public Json.PlotValue? OpacityScale { get; init; }
}
