using Radiomics.Tables;

namespace Radiomics.Plotting.Charts;

/// <summary>How <see cref="CorrelationHeatmap"/> correlates features.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's linear correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation (Pearson on average ranks; robust to monotone transforms and outliers).</summary>
    Spearman,
}

/// <summary>
/// The correlation matrix of features as a heatmap on −1..1, e.g. to spot redundant radiomic features. Pairs use
/// the observations where both values are finite; with fewer than three such observations the cell is left empty.
/// </summary>
public static class CorrelationHeatmap
{
    /// <summary>Features by name with one value per observation each (all arrays equally long).</summary>
    public static Figure Create(IReadOnlyList<string> names, IReadOnlyList<double[]> values, CorrelationMethod method = CorrelationMethod.Spearman, bool showValues = false)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Count || names.Count == 0)
        {
            throw new ArgumentException($"Need one value array per feature name (got {names.Count} names, {values.Count} arrays).", nameof(values));
        }

        int n = values[0].Length;
        if (values.Any(v => v.Length != n))
        {
            throw new ArgumentException("All features need the same number of observations.", nameof(values));
        }

        var matrix = Correlations.Matrix(values, method);
        var trace = new HeatmapTrace
        {
            Z = matrix,
            X = names.ToArray(),
            Y = names.ToArray(),
            Colorscale = "RdBu",
            ReverseScale = true,
            ZMin = -1,
            ZMax = 1,
            ZMid = 0,
            HoverOnGaps = false,
            ColorBar = new ColorBar { Title = method == CorrelationMethod.Spearman ? "Spearman ρ" : "Pearson r" },
            TextTemplate = showValues ? "%{z:.2f}" : null,
            HoverTemplate = "%{y} vs %{x}: %{z:.3f}<extra></extra>",
        };
        return new Figure(
            [trace],
            new Layout
            {
                Title = $"Feature correlation ({method}, {n} observations)",
                XAxis = new Axis { Type = AxisType.Category, TickAngle = names.Count > 6 ? -45 : null },
                YAxis = new Axis { Type = AxisType.Category, AutoRange = "reversed", ScaleAnchor = "x", ScaleRatio = 1 },
            });
    }

    /// <summary>All feature columns of a wide table (one observation per row).</summary>
    public static Figure Create(WideFeatureTable table, CorrelationMethod method = CorrelationMethod.Spearman, bool showValues = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Create(table.FeatureColumns, [.. table.FeatureColumns.Select(table.Column)], method, showValues);
    }
}
