namespace Radiomics.Plotting;

/// <summary>The options argument of <c>Plotly.animate</c> as used by slider steps and play buttons.</summary>
public sealed record AnimationOptions
{
    /// <summary>Jump to the frame without transition (slice browsing).</summary>
    public static AnimationOptions Immediate { get; } = new()
    {
        Mode = AnimationMode.Immediate,
        Frame = new FrameTiming { Duration = 0, Redraw = true },
        Transition = new TransitionTiming { Duration = 0 },
    };

    public AnimationMode? Mode { get; init; }

    public FrameTiming? Frame { get; init; }

    public TransitionTiming? Transition { get; init; }

    public bool? FromCurrent { get; init; }
}

public sealed record FrameTiming
{
    public double? Duration { get; init; }

    public bool? Redraw { get; init; }
}

public sealed record TransitionTiming
{
    public double? Duration { get; init; }

    public string? Easing { get; init; }
}
