namespace Radiomics.Features.Texture;

/// <summary>Averages of feature vectors computed from several matrices (IBSI "averaged" aggregation).</summary>
internal static class FeatureAverage
{
    /// <summary>
    /// The mean of each feature over the non-empty matrices where it is defined (a feature undefined on one matrix,
    /// such as the correlation of a single-level slice, does not void the others); NaN where it is defined nowhere.
    /// </summary>
    public static double[] Of(IEnumerable<TextureMatrix> matrices, Func<TextureMatrix, double[]> features, int count)
    {
        var sum = new double[count];
        var n = new int[count];
        foreach (var m in matrices)
        {
            if (m.IsEmpty)
            {
                continue;
            }

            var f = features(m);
            for (int i = 0; i < count; i++)
            {
                if (!double.IsNaN(f[i]))
                {
                    sum[i] += f[i];
                    n[i]++;
                }
            }
        }

        for (int i = 0; i < count; i++)
        {
            sum[i] = n[i] == 0 ? double.NaN : sum[i] / n[i];
        }

        return sum;
    }

    public static double[] OfOne(TextureMatrix matrix, Func<TextureMatrix, double[]> features, int count) =>
        matrix.IsEmpty ? [.. Enumerable.Repeat(double.NaN, count)] : features(matrix);
}
