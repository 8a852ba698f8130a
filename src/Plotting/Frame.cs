namespace Radiomics.Plotting;

/// <summary>
/// An animation frame (plotly.js <c>frames[i]</c>): replaces the data of the traces listed in <see cref="Traces"/>
/// (all traces in order when null) and optionally parts of the layout. Slider steps and play buttons show frames by
/// <see cref="Name"/>.
/// </summary>
public sealed record Frame(string Name, IReadOnlyList<Trace> Data)
{
    public Layout? Layout { get; init; }

    /// <summary>Indices of the figure's traces that <see cref="Data"/> replaces, in order.</summary>
    public int[]? Traces { get; init; }

    public string? Group { get; init; }
}
