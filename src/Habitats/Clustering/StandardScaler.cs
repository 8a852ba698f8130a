using Radiomics.Numerics;

using System.Text.Json.Serialization;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// A fitted z-score transform, <c>z = (x − mean) / scale</c> per feature, as scikit-learn's <c>StandardScaler</c>:
/// scale is the population standard deviation (ddof = 0), and 1 for a constant feature so it maps to 0 instead of
/// NaN. Immutable and JSON-serialisable, so the transform fitted on a cohort is saved with the model and applied
/// unchanged to new scans.
/// </summary>
public sealed class StandardScaler
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    /// <summary>A scaler with known parameters (e.g. read from a saved model).</summary>
    [JsonConstructor]
    public StandardScaler(IReadOnlyList<double> mean, IReadOnlyList<double> scale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        if (mean.Count == 0 || mean.Count != scale.Count)
        {
            throw new ArgumentException($"Mean has {mean.Count} values and scale {scale.Count}; they must be equal and non-zero.", nameof(scale));
        }

        for (int j = 0; j < scale.Count; j++)
        {
            if (!double.IsFinite(mean[j]) || !double.IsFinite(scale[j]) || scale[j] <= 0)
            {
                throw new ArgumentException($"Feature {j}: mean {mean[j]} and scale {scale[j]}; both must be finite and the scale positive.", nameof(scale));
            }
        }

        _mean = [.. mean];
        _scale = [.. scale];
    }

    /// <summary>Per-feature mean of the training data (<c>mean_</c>).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Per-feature divisor (<c>scale_</c>).</summary>
    public IReadOnlyList<double> Scale => _scale;

    [JsonIgnore]
    public int Features => _mean.Length;

    /// <summary>Learns mean and scale of every column of <paramref name="x"/>.</summary>
    public static StandardScaler Fit(FeatureMatrix x, Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.EnsureUsable(nameof(x));
        var (mean, variance) = ColumnStatistics.Compute(x, parallelism);
        var scale = new double[variance.Length];
        for (int j = 0; j < scale.Length; j++)
        {
            // A variance within rounding error of zero is a constant feature (scikit-learn's _is_constant_feature bound).
            const double eps = 2.220446049250313e-16;
            double n = x.Rows;
            double bound = (n * eps * variance[j]) + ((n * mean[j] * eps) * (n * mean[j] * eps));
            scale[j] = variance[j] <= bound ? 1.0 : Math.Sqrt(variance[j]);
        }

        return new StandardScaler(mean, scale);
    }

    /// <summary>(x − mean) / scale, as a new matrix.</summary>
    public FeatureMatrix Transform(FeatureMatrix x) => Apply(x, inverse: false);

    /// <summary>z · scale + mean, as a new matrix.</summary>
    public FeatureMatrix InverseTransform(FeatureMatrix z) => Apply(z, inverse: true);

    /// <summary>Transforms one row in place (for callers streaming voxels).</summary>
    public void TransformRow(Span<double> row)
    {
        if (row.Length != _mean.Length)
        {
            throw new ClusteringException(ClusteringProblem.DimensionMismatch, $"The row has {row.Length} values; the scaler was fitted on {_mean.Length}.", nameof(row));
        }

        for (int j = 0; j < row.Length; j++)
        {
            row[j] = (row[j] - _mean[j]) / _scale[j];
        }
    }

    private FeatureMatrix Apply(FeatureMatrix x, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.EnsureColumns(_mean.Length, nameof(x));
        int d = x.Columns;
        var src = x.Data;
        var result = new double[src.Length];
        RowChunks.For(x.Rows, 0, (_, s, e) =>
        {
            for (int i = s; i < e; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    int at = (i * d) + j;
                    result[at] = inverse ? (src[at] * _scale[j]) + _mean[j] : (src[at] - _mean[j]) / _scale[j];
                }
            }
        });
        return new FeatureMatrix(result, d);
    }
}
