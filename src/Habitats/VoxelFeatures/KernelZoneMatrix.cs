using Radiomics.Features.Texture;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A zone-type matrix (rows: grey levels, columns: run length, zone size or dependence) of one small kernel, which has
/// at most a few dozen non-zero cells: it remembers the cells it touched, computes the sixteen zone-matrix features
/// and the energy from those cells only (<see cref="ZoneMatrixFeatures"/>) without allocating, and clears only those
/// cells for the next kernel. One per thread.
/// </summary>
internal sealed class KernelZoneMatrix
{
    /// <summary>The features written by <see cref="ComputeAndClear"/>: sixteen zone features then the energy.</summary>
    public const int FeatureCount = ZoneMatrixFeatures.Count + 1;

    private readonly int _columns;
    private readonly double[] _counts;
    private readonly int[] _touched;
    private readonly double[] _byLevel;
    private readonly double[] _byColumn;
    private int _touchedCount;

    public KernelZoneMatrix(int rows, int columns, int maxCells)
    {
        _columns = columns;
        _counts = new double[rows * columns];
        _touched = new int[Math.Min(maxCells, rows * columns)];
        _byLevel = new double[rows];
        _byColumn = new double[columns];
    }

    /// <summary>Whether nothing has been counted since the last <see cref="ComputeAndClear"/>.</summary>
    public bool IsEmpty => _touchedCount == 0;

    /// <summary>Counts <paramref name="count"/> (default one) entries in row <paramref name="level"/> − 1 and column <paramref name="column"/> − 1.</summary>
    public void Add(int level, int column, int count = 1)
    {
        int cell = ((level - 1) * _columns) + column - 1;
        if (_counts[cell] == 0)
        {
            _touched[_touchedCount++] = cell;
        }

        _counts[cell] += count;
    }

    /// <summary>Writes the features (NaN for an empty matrix) given N_v, then clears the matrix.</summary>
    public void ComputeAndClear(double voxels, Span<double> f)
    {
        var cells = _touched.AsSpan(0, _touchedCount);
        ZoneMatrixFeatures.Compute(_counts, _columns, cells, voxels, f, _byLevel, _byColumn, withEnergy: true);
        foreach (int cell in cells)
        {
            _counts[cell] = 0;
        }

        _touchedCount = 0;
    }
}
