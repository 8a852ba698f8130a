namespace Radiomics.Plotting;

/// <summary>A slider (plotly.js <c>layout.sliders[i]</c>), e.g. across the slices of a volume.</summary>
public sealed record Slider
{
    public IReadOnlyList<SliderStep> Steps { get; init; } = [];

    /// <summary>Index of the step shown first.</summary>
    public int? Active { get; init; }

    public CurrentValue? CurrentValue { get; init; }

    public Padding? Pad { get; init; }

    public double? Len { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public HorizontalAnchor? XAnchor { get; init; }

    public VerticalAnchor? YAnchor { get; init; }
}

/// <summary>One step of a <see cref="Slider"/>: calls a plotly.js method (<c>"animate"</c>, <c>"restyle"</c>, <c>"relayout"</c>, <c>"update"</c>) with arguments.</summary>
public sealed record SliderStep(string Label, string Method, IReadOnlyList<object?> Args)
{
    public string? Value { get; init; }

    /// <summary>A step that shows animation frame <paramref name="frameName"/> at once.</summary>
    public static SliderStep Animate(string frameName, string label) =>
        new(label, "animate", [new[] { frameName }, AnimationOptions.Immediate]);
}

/// <summary>The label showing a slider's current step.</summary>
public sealed record CurrentValue
{
    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    public bool? Visible { get; init; }

    public HorizontalAnchor? XAnchor { get; init; }
}

/// <summary>Padding in pixels around a slider or menu.</summary>
public sealed record Padding
{
    public double? T { get; init; }

    public double? B { get; init; }

    public double? L { get; init; }

    public double? R { get; init; }
}
