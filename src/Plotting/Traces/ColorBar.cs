namespace Radiomics.Plotting;

/// <summary>The colour bar of a colour-mapped trace.</summary>
public sealed record ColorBar
{
    public Title? Title { get; init; }

    public double? Len { get; init; }

    public double? Thickness { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public double[]? TickVals { get; init; }

    public string[]? TickText { get; init; }
}
