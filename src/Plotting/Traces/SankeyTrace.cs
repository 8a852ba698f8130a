using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>A Sankey diagram (plotly.js <c>sankey</c>): flows <see cref="SankeyLink"/> between nodes <see cref="SankeyNode"/>.</summary>
public sealed record SankeyTrace : Trace
{
    protected override string PlotlyType => "sankey";

    public SankeyNode Node { get; init; } = new();

    public SankeyLink Link { get; init; } = new();

    /// <summary>Direction of the links (plotly.js default: horizontal).</summary>
    public Orientation? Orientation { get; init; }

    public SankeyArrangement? Arrangement { get; init; }

    /// <summary>d3 number format of flow values, e.g. <c>".1f"</c>.</summary>
    public string? ValueFormat { get; init; }

    public string? ValueSuffix { get; init; }

    public Domain? Domain { get; init; }
}

/// <summary>The nodes of a Sankey diagram.</summary>
public sealed record SankeyNode
{
    public string[]? Label { get; init; }

    public PlotValue? Color { get; init; }

    public double? Pad { get; init; }

    public double? Thickness { get; init; }

    /// <summary>Node positions (0..1) for <c>arrangement = "fixed"</c> or <c>"snap"</c>.</summary>
    public double[]? X { get; init; }

    public double[]? Y { get; init; }
}

/// <summary>The links of a Sankey diagram: flow <see cref="Value"/>[i] from node <see cref="Source"/>[i] to <see cref="Target"/>[i].</summary>
public sealed record SankeyLink
{
    public int[]? Source { get; init; }

    public int[]? Target { get; init; }

    public double[]? Value { get; init; }

    public PlotValue? Color { get; init; }

    public string[]? Label { get; init; }
}
