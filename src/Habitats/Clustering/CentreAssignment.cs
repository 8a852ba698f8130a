using Radiomics.Numerics;

namespace Radiomics.Habitats.Clustering;

/// <summary>Nearest-centre labels and distance tables for fitted centre models (<c>predict</c>, <c>transform</c>).</summary>
internal static class CentreAssignment
{
    /// <summary>Validates <paramref name="x"/> against a model fitted on <paramref name="columns"/> features, then labels it.</summary>
    public static int[] Predict(FeatureMatrix x, double[] centres, int columns, Parallelism parallelism)
    {
        Check(x, columns);
        return Nearest(x, centres, parallelism);
    }

    /// <summary>Validates <paramref name="x"/>, then returns its distances to every centre.</summary>
    public static FeatureMatrix Transform(FeatureMatrix x, double[] centres, int columns, Parallelism parallelism)
    {
        Check(x, columns);
        return Distances(x, centres, parallelism);
    }

    public static int[] Nearest(FeatureMatrix x, double[] centres, Parallelism parallelism)
    {
        int d = x.Columns;
        var data = x.Data;
        var labels = new int[x.Rows];
        var distances = new CentreDistances(centres, d);
        RowChunks.For(x.Rows, parallelism, (_, s, e) =>
        {
            const int B = CentreDistances.BlockRows;
            int kp = distances.Padded;
            Span<double> dist = stackalloc double[B * kp];
            int i = s;
            for (; i + B <= e; i += B)
            {
                distances.ComputeBlock(data.AsSpan(i * d, B * d), dist);
                for (int r = 0; r < B; r++)
                {
                    labels[i + r] = distances.ArgMin(dist.Slice(r * kp, kp), out double _);
                }
            }

            for (; i < e; i++)
            {
                distances.Compute(data.AsSpan(i * d, d), dist);
                labels[i] = distances.ArgMin(dist, out double _);
            }
        });
        return labels;
    }

    /// <summary>Euclidean (not squared) distances, rows × k.</summary>
    public static FeatureMatrix Distances(FeatureMatrix x, double[] centres, Parallelism parallelism)
    {
        int d = x.Columns;
        var data = x.Data;
        var distances = new CentreDistances(centres, d);
        int k = distances.Count;
        var result = new double[x.Rows * k];
        RowChunks.For(x.Rows, parallelism, (_, s, e) =>
        {
            Span<double> dist = stackalloc double[distances.Padded];
            for (int i = s; i < e; i++)
            {
                distances.Compute(data.AsSpan(i * d, d), dist);
                for (int j = 0; j < k; j++)
                {
                    result[(i * k) + j] = Math.Sqrt(dist[j]);
                }
            }
        });
        return new FeatureMatrix(result, k);
    }

    private static void Check(FeatureMatrix x, int columns)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.EnsureUsable(nameof(x));
        x.EnsureColumns(columns, nameof(x));
    }
}
