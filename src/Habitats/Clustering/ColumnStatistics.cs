using Radiomics.Numerics;

namespace Radiomics.Habitats.Clustering;

/// <summary>Per-column mean and population variance (ddof = 0, as NumPy's <c>var</c>), in two passes for accuracy.</summary>
internal static class ColumnStatistics
{
    public static (double[] Mean, double[] Variance) Compute(FeatureMatrix x, Parallelism parallelism)
    {
        int d = x.Columns, n = x.Rows;
        var data = x.Data;
        var mean = Reduce(n, d, parallelism, (s, e, acc) =>
        {
            for (int i = s; i < e; i++)
            {
                var row = data.AsSpan(i * d, d);
                for (int j = 0; j < d; j++)
                {
                    acc[j] += row[j];
                }
            }
        });
        for (int j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        var variance = Reduce(n, d, parallelism, (s, e, acc) =>
        {
            for (int i = s; i < e; i++)
            {
                var row = data.AsSpan(i * d, d);
                for (int j = 0; j < d; j++)
                {
                    double t = row[j] - mean[j];
                    acc[j] += t * t;
                }
            }
        });
        for (int j = 0; j < d; j++)
        {
            variance[j] /= n;
        }

        return (mean, variance);
    }

    private static double[] Reduce(int n, int d, Parallelism parallelism, Action<int, int, double[]> partial)
    {
        var parts = new double[RowChunks.Count(n)][];
        RowChunks.For(n, parallelism, (c, s, e) =>
        {
            var acc = new double[d];
            partial(s, e, acc);
            parts[c] = acc;
        });
        var total = new double[d];
        foreach (var p in parts)
        {
            for (int j = 0; j < d; j++)
            {
                total[j] += p[j];
            }
        }

        return total;
    }
}
