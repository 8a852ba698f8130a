namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A zone-type matrix (rows: grey levels, columns: run length, zone size or dependence) of one small kernel, which has
/// at most a few dozen non-zero cells: it remembers the cells it touched, computes the sixteen zone-matrix features
/// and the energy (as <c>ZoneMatrixFeatures.Compute</c> with energy, on the non-zero cells only) without allocating,
/// and clears only those cells for the next kernel. One per thread.
/// </summary>
internal sealed class KernelZoneMatrix
{
    /// <summary>The features written by <see cref="ComputeAndClear"/>: sixteen zone features then the energy.</summary>
    public const int FeatureCount = 17;

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

    /// <summary>Counts one entry in row <paramref name="level"/> − 1 and column <paramref name="column"/> − 1.</summary>
    public void Add(int level, int column)
    {
        int cell = ((level - 1) * _columns) + column - 1;
        if (_counts[cell] == 0)
        {
            _touched[_touchedCount++] = cell;
        }

        _counts[cell]++;
    }

    /// <summary>Writes the features (NaN for an empty matrix) given N_v, then clears the matrix.</summary>
    public void ComputeAndClear(double voxels, Span<double> f)
    {
        double ns = 0;
        for (int t = 0; t < _touchedCount; t++)
        {
            ns += _counts[_touched[t]];
        }

        if (ns <= 0)
        {
            f[..FeatureCount].Fill(double.NaN);
            return;
        }

        double sre = 0, lre = 0, lgre = 0, hgre = 0, srlge = 0, srhge = 0, lrlge = 0, lrhge = 0, meanI = 0, meanJ = 0, entropy = 0, energy = 0;
        for (int t = 0; t < _touchedCount; t++)
        {
            int cell = _touched[t];
            int i = cell / _columns, j = cell - (i * _columns);
            double c = _counts[cell];
            double gi = i + 1, gi2 = gi * gi, gj = j + 1, gj2 = gj * gj;
            _byLevel[i] += c;
            _byColumn[j] += c;
            sre += c / gj2;
            lre += c * gj2;
            lgre += c / gi2;
            hgre += c * gi2;
            srlge += c / (gi2 * gj2);
            srhge += c * gi2 / gj2;
            lrlge += c * gj2 / gi2;
            lrhge += c * gi2 * gj2;
            double p = c / ns;
            meanI += gi * p;
            meanJ += gj * p;
            entropy -= p * Math.Log2(p);
            energy += p * p;
        }

        double glnu = 0, rlnu = 0, varI = 0, varJ = 0;
        for (int t = 0; t < _touchedCount; t++)
        {
            int cell = _touched[t];
            int i = cell / _columns, j = cell - (i * _columns);
            // Each row and column once: its first touched cell takes its sum and zeroes it.
            double level = _byLevel[i], column = _byColumn[j];
            glnu += level * level;
            varI += (i + 1 - meanI) * (i + 1 - meanI) * level / ns;
            rlnu += column * column;
            varJ += (j + 1 - meanJ) * (j + 1 - meanJ) * column / ns;
            _byLevel[i] = 0;
            _byColumn[j] = 0;
            _counts[cell] = 0;
        }

        _touchedCount = 0;
        f[0] = sre / ns;
        f[1] = lre / ns;
        f[2] = lgre / ns;
        f[3] = hgre / ns;
        f[4] = srlge / ns;
        f[5] = srhge / ns;
        f[6] = lrlge / ns;
        f[7] = lrhge / ns;
        f[8] = glnu / ns;
        f[9] = glnu / (ns * ns);
        f[10] = rlnu / ns;
        f[11] = rlnu / (ns * ns);
        f[12] = voxels > 0 ? ns / voxels : double.NaN;
        f[13] = varI;
        f[14] = varJ;
        f[15] = entropy;
        f[16] = energy;
    }
}
