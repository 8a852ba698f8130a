using System.Numerics.Tensors;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Samples × features, row-major and contiguous (the layout of a C-ordered NumPy array, so a matrix written by
/// NumPy's <c>tofile</c> is read as is). The estimators read it and never change it.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly double[] _data;

    /// <summary>Wraps <paramref name="data"/> without copying; do not change it while the matrix is in use.</summary>
    public FeatureMatrix(double[] data, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (columns < 1)
        {
            throw new ClusteringException(ClusteringProblem.EmptyInput, $"A feature matrix needs at least one column; got {columns}.", nameof(columns));
        }

        if (data.Length % columns != 0)
        {
            throw new ArgumentException($"{data.Length} values do not fill whole rows of {columns} columns.", nameof(data));
        }

        _data = data;
        Columns = columns;
        Rows = data.Length / columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>All values, row after row.</summary>
    public ReadOnlySpan<double> Values => _data;

    /// <summary>The buffer, for kernels of this assembly that only read it.</summary>
    internal double[] Data => _data;

    public ReadOnlySpan<double> Row(int row) => _data.AsSpan(row * Columns, Columns);

    public double this[int row, int column] => _data[(row * Columns) + column];

    /// <summary>A copy of jagged rows (all of the same length).</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ClusteringException(ClusteringProblem.EmptyInput, "No rows were given.", nameof(rows));
        }

        int d = rows[0].Length;
        var data = new double[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; row 0 has {d}.", nameof(rows));
            }

            rows[i].CopyTo(data, i * d);
        }

        return new FeatureMatrix(data, d);
    }

    /// <summary>Widens single-precision values (e.g. voxel feature maps) to a new double matrix.</summary>
    public static FeatureMatrix FromSingle(ReadOnlySpan<float> values, int columns)
    {
        var data = new double[values.Length];
        TensorPrimitives.ConvertChecked<float, double>(values, data);
        return new FeatureMatrix(data, columns);
    }

    /// <summary>The rows with the given indices, in that order, as a new matrix.</summary>
    public FeatureMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var data = new double[rows.Length * Columns];
        for (int i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(data.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(data, Columns);
    }

    /// <summary>Throws a <see cref="ClusteringException"/> naming <paramref name="paramName"/> when the matrix is empty or holds NaN/∞.</summary>
    public void EnsureUsable(string paramName)
    {
        if (Rows == 0)
        {
            throw new ClusteringException(ClusteringProblem.EmptyInput, "The data has no rows.", paramName);
        }

        // A finite sum proves every value finite in one vectorised pass; only a failing sum pays for the search.
        if (double.IsFinite(TensorPrimitives.Sum<double>(_data)))
        {
            return;
        }

        for (int i = 0; i < _data.Length; i++)
        {
            if (!double.IsFinite(_data[i]))
            {
                throw new ClusteringException(
                    ClusteringProblem.NonFiniteValue,
                    $"Row {i / Columns}, column {i % Columns} is {_data[i]}; clustering needs finite features (mask or impute NaN/∞ first).",
                    paramName);
            }
        }
    }

    internal void EnsureColumns(int expected, string paramName)
    {
        if (Columns != expected)
        {
            throw new ClusteringException(
                ClusteringProblem.DimensionMismatch, $"The data has {Columns} columns; the model was fitted on {expected}.", paramName);
        }
    }
}
