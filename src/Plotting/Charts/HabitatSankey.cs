using System.Globalization;
using Radiomics.Habitats.Model;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// Habitat transitions across time points as a Sankey diagram: a column of nodes per time point, flows sized by
/// volume (mm³) from each habitat to what its voxels became; label 0 ("outside") shows growth and shrinkage and can
/// be left out. Takes the (k+1)×(k+1) count matrices of <see cref="HabitatTransitions"/> between consecutive time points.
/// </summary>
public static class HabitatSankey
{
    public static Figure Create(IReadOnlyList<HabitatTransitions> transitions, IReadOnlyList<string> timePoints, IReadOnlyList<string>? habitatNames = null, bool showOutside = true)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        return Create([.. transitions.Select(t => t.ToMatrix())], transitions.Count > 0 ? transitions[0].VoxelVolume : 1, timePoints, habitatNames, showOutside);
    }

    /// <summary>From count matrices, [from, to] with index 0 = outside, and the voxel volume in mm³.</summary>
    public static Figure Create(IReadOnlyList<long[,]> counts, double voxelVolume, IReadOnlyList<string> timePoints, IReadOnlyList<string>? habitatNames = null, bool showOutside = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(timePoints);
        if (counts.Count == 0 || timePoints.Count != counts.Count + 1)
        {
            throw new ArgumentException($"Transitions between n time points need n − 1 matrices: got {counts.Count} matrices for {timePoints.Count} time points.", nameof(timePoints));
        }

        int size = counts[0].GetLength(0);
        if (counts.Any(c => c.GetLength(0) != size || c.GetLength(1) != size))
        {
            throw new ArgumentException("All transition matrices must be (k+1)×(k+1) for the same k.", nameof(counts));
        }

        int first = showOutside ? 0 : 1;
        int perColumn = size - first;
        string Name(int h) => h == 0 ? "outside" : habitatNames is not null && h - 1 < habitatNames.Count ? habitatNames[h - 1] : $"H{h}";
        var labels = new List<string>();
        var colors = new List<string>();
        var nodeX = new List<double>();
        for (int t = 0; t < timePoints.Count; t++)
        {
            for (int h = first; h < size; h++)
            {
                labels.Add($"{Name(h)} · {timePoints[t]}");
                colors.Add(h == 0 ? "#BBBBBB" : Palette.Color(h - 1));
                nodeX.Add(timePoints.Count == 1 ? 0.5 : 0.001 + (0.998 * t / (timePoints.Count - 1)));
            }
        }

        var source = new List<int>();
        var target = new List<int>();
        var value = new List<double>();
        var linkColors = new List<string>();
        for (int t = 0; t < counts.Count; t++)
        {
            for (int a = first; a < size; a++)
            {
                for (int b = first; b < size; b++)
                {
                    long n = counts[t][a, b];
                    if (n > 0 && !(a == 0 && b == 0))
                    {
                        source.Add((t * perColumn) + a - first);
                        target.Add(((t + 1) * perColumn) + b - first);
                        value.Add(n * voxelVolume);
                        linkColors.Add(a == 0 ? "rgba(150,150,150,0.35)" : Palette.Color(a - 1, 0.4));
                    }
                }
            }
        }

        var figure = Chart.Sankey([.. labels], [.. source], [.. target], [.. value]);
        var trace = (SankeyTrace)figure.Data[0];
        return figure.WithTraces(
        [
            trace with
            {
                Node = trace.Node with { Color = colors.ToArray(), Pad = 12, Thickness = 18 },
                Link = trace.Link with { Color = linkColors.ToArray() },
                ValueFormat = ".0f",
                ValueSuffix = " mm³",
                Arrangement = SankeyArrangement.Snap,
            },
        ]).WithTitle(string.Create(CultureInfo.InvariantCulture, $"Habitat transitions ({string.Join(" → ", timePoints)})"));
    }
}
