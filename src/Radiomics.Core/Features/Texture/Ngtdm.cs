namespace Radiomics.Features.Texture;

/// <summary>Neighbourhood grey tone difference matrix (NGTDM) features, IBSI family IPET.</summary>
public static class Ngtdm
{
    public const string Family = "ngtdm";

    /// <summary>Coarseness when Σ p_i s_i = 0 (IBSI's arbitrary maximum).</summary>
    public const double MaximumCoarseness = 1e6;

    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("Coarseness", "QCDE"),
        new("Contrast", "65HE"),
        new("Busyness", "NQ30"),
        new("Complexity", "HDEZ"),
        new("Strength", "1X9X"),
    ];

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    /// <remarks>
    /// Matrix row i (grey level i + 1) holds s_i in column 0 and n_i in column 1: the summed |i − mean of the ROI
    /// neighbours| and the count of level-i voxels with at least one ROI neighbour (IBSI's valid neighbourhood).
    /// </remarks>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        int ng = roi.GreyLevelCount;
        return new ScopeAggregation(
            roi, settings, Family, Definitions,
            () => new TextureMatrix(ng, 2),
            (scope, m) =>
            {
                var counts = m.Counts;
                Neighbourhood.ForEach(roi, scope, settings.Distance, (level, neighbours) =>
                {
                    if (neighbours.Length == 0)
                    {
                        return;
                    }

                    double sum = 0;
                    foreach (var l in neighbours)
                    {
                        sum += l;
                    }

                    counts[2 * (level - 1)] += Math.Abs(level - (sum / neighbours.Length));
                    counts[(2 * (level - 1)) + 1]++;
                });
                m.Voxels += Zones.CountVoxels(roi, scope);
            },
            Features).Compute();
    }

    /// <summary>
    /// The five features (in <see cref="Definitions"/> order) of a matrix laid out as <see cref="Compute"/> describes;
    /// local texture maps fill one per neighbourhood and call this.
    /// </summary>
    public static double[] FromMatrix(TextureMatrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Features(m);
    }

    private static double[] Features(TextureMatrix m)
    {
        int ng = m.Rows;
        var c = m.Counts;
        double nvc = 0, sTotal = 0;
        for (int i = 0; i < ng; i++)
        {
            sTotal += c[2 * i];
            nvc += c[(2 * i) + 1];
        }

        if (nvc == 0)
        {
            return [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        }

        var present = new List<(int Level, double P, double S, double N)>();
        double ps = 0;
        for (int i = 0; i < ng; i++)
        {
            double n = c[(2 * i) + 1];
            if (n > 0)
            {
                present.Add((i + 1, n / nvc, c[2 * i], n));
                ps += n / nvc * c[2 * i];
            }
        }

        int ngp = present.Count;
        double contrastRange = 0, busynessDenominator = 0, complexity = 0, strengthNumerator = 0;
        foreach (var a in present)
        {
            foreach (var b in present)
            {
                double d = a.Level - b.Level;
                contrastRange += a.P * b.P * d * d;

                // |i·p_i − j·p_j| from the integer counts: exact, so a tie (all i·n_i equal) is a true 0.
                busynessDenominator += Math.Abs((a.Level * a.N) - (b.Level * b.N)) / nvc;
                complexity += Math.Abs(d) * ((a.P * a.S) + (b.P * b.S)) / (a.P + b.P);
                strengthNumerator += (a.P + b.P) * d * d;
            }
        }

        double coarseness = ps == 0 ? MaximumCoarseness : 1 / ps;
        double contrast = ngp > 1 ? contrastRange / (ngp * (ngp - 1.0)) * (sTotal / nvc) : 0;
        double busyness = ngp > 1 && busynessDenominator > 0 ? ps / busynessDenominator : 0;
        double strength = sTotal > 0 ? strengthNumerator / sTotal : 0;
        return [coarseness, contrast, busyness, complexity / nvc, strength];
    }
}
