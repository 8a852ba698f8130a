namespace Radiomics.Plotting.Charts;

/// <summary>Pairwise-complete Pearson and Spearman correlation matrices.</summary>
internal static class Correlations
{
    public static double[][] Matrix(IReadOnlyList<double[]> values, CorrelationMethod method)
    {
        int m = values.Count;
        var z = new double[m][];
        for (int i = 0; i < m; i++)
        {
            z[i] = new double[m];
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = i; j < m; j++)
            {
                z[i][j] = z[j][i] = Pair(values[i], values[j], method);
            }
        }

        return z;
    }

    public static double Pair(double[] a, double[] b, CorrelationMethod method)
    {
        var x = new List<double>(a.Length);
        var y = new List<double>(a.Length);
        for (int k = 0; k < a.Length; k++)
        {
            if (double.IsFinite(a[k]) && double.IsFinite(b[k]))
            {
                x.Add(a[k]);
                y.Add(b[k]);
            }
        }

        if (x.Count < 3)
        {
            return double.NaN;
        }

        return method == CorrelationMethod.Spearman ? Pearson(Ranks(x), Ranks(y)) : Pearson([.. x], [.. y]);
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < x.Length; k++)
        {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }

        // A constant feature has no defined correlation.
        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Ranks 1..n with ties given their average rank.</summary>
    private static double[] Ranks(List<double> v)
    {
        int[] order = [.. Enumerable.Range(0, v.Count).OrderBy(i => v[i])];
        var ranks = new double[v.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && v[order[end + 1]] == v[order[start]])
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
