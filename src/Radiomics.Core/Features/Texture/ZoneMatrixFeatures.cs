namespace Radiomics.Features.Texture;

/// <summary>
/// The sixteen features shared, under different names, by the run length, size zone, distance zone and dependence
/// matrices (IBSI 3.7–3.9, 3.11): emphases of short/long columns and low/high grey levels, non-uniformities,
/// percentage, variances and entropy of a matrix r_ij with grey level i = 1..N_g (rows) and column value j = 1..
/// (run length, zone size, distance or dependence count).
/// </summary>
public static class ZoneMatrixFeatures
{
    /// <summary>The shared features; the NGLDM adds the energy as a seventeenth.</summary>
    public const int Count = 16;

    /// <summary>Features of <paramref name="m"/> in the order: short (j⁻²) emphasis, long (j²) emphasis, low grey level
    /// emphasis, high grey level emphasis, short–low, short–high, long–low, long–high, grey level non-uniformity and
    /// its normalised form, column non-uniformity and its normalised form, percentage N_s/N_v, grey level variance,
    /// column variance, entropy; then Σ p² (energy) when <paramref name="withEnergy"/>.</summary>
    public static double[] Compute(TextureMatrix m, bool withEnergy = false)
    {
        ArgumentNullException.ThrowIfNull(m);
        var r = m.Counts;
        var cells = new List<int>();
        for (int c = 0; c < r.Length; c++)
        {
            if (r[c] != 0)
            {
                cells.Add(c);
            }
        }

        var f = new double[withEnergy ? Count + 1 : Count];
        Compute(r, m.Columns, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cells), m.Voxels, f, new double[m.Rows], new double[m.Columns], withEnergy);
        return f;
    }

    /// <summary>
    /// The features of <see cref="Compute(TextureMatrix, bool)"/> from the non-zero cells only (row-major indices into
    /// <paramref name="counts"/>, a matrix of <paramref name="columns"/> columns), with N_v = <paramref name="voxels"/>,
    /// written to <paramref name="f"/> without allocating: a local kernel's matrix has a few dozen non-zero cells of
    /// hundreds. <paramref name="byLevel"/> (one per row) and <paramref name="byColumn"/> (one per column) are scratch
    /// that must be zero and are left zero.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> counts, int columns, ReadOnlySpan<int> cells, double voxels, Span<double> f, Span<double> byLevel, Span<double> byColumn, bool withEnergy)
    {
        int length = withEnergy ? Count + 1 : Count;
        double ns = 0;
        foreach (int cell in cells)
        {
            ns += counts[cell];
        }

        if (ns <= 0)
        {
            f[..length].Fill(double.NaN);
            return;
        }

        double sre = 0, lre = 0, lgre = 0, hgre = 0, srlge = 0, srhge = 0, lrlge = 0, lrhge = 0, meanI = 0, meanJ = 0, entropy = 0, energy = 0;
        foreach (int cell in cells)
        {
            int i = cell / columns, j = cell - (i * columns);
            double c = counts[cell];
            double gi = i + 1, gi2 = gi * gi, gj = j + 1, gj2 = gj * gj;
            byLevel[i] += c;
            byColumn[j] += c;
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
        foreach (int cell in cells)
        {
            // Each row and each column once: the first of its cells takes its sum and zeroes it.
            int i = cell / columns, j = cell - (i * columns);
            double level = byLevel[i], column = byColumn[j];
            glnu += level * level;
            varI += (i + 1 - meanI) * (i + 1 - meanI) * level / ns;
            rlnu += column * column;
            varJ += (j + 1 - meanJ) * (j + 1 - meanJ) * column / ns;
            byLevel[i] = 0;
            byColumn[j] = 0;
        }

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
        if (withEnergy)
        {
            f[16] = energy;
        }
    }
}
