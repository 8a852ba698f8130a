namespace Radiomics.Features.Texture;

/// <summary>
/// The sixteen features shared, under different names, by the run length, size zone, distance zone and dependence
/// matrices (IBSI 3.7–3.9, 3.11): emphases of short/long columns and low/high grey levels, non-uniformities,
/// percentage, variances and entropy of a matrix r_ij with grey level i = 1..N_g (rows) and column value j = 1..
/// (run length, zone size, distance or dependence count).
/// </summary>
internal static class ZoneMatrixFeatures
{
    public const int Count = 16;

    /// <summary>Features of <paramref name="m"/> in the order: short (j⁻²) emphasis, long (j²) emphasis, low grey level
    /// emphasis, high grey level emphasis, short–low, short–high, long–low, long–high, grey level non-uniformity and
    /// its normalised form, column non-uniformity and its normalised form, percentage N_s/N_v, grey level variance,
    /// column variance, entropy; then Σ p² (energy) when <paramref name="withEnergy"/>.</summary>
    public static double[] Compute(TextureMatrix m, bool withEnergy = false)
    {
        int ng = m.Rows, nc = m.Columns;
        var r = m.Counts;
        var f = new double[withEnergy ? Count + 1 : Count];
        double ns = 0;
        foreach (var c in r)
        {
            ns += c;
        }

        if (ns <= 0)
        {
            Array.Fill(f, double.NaN);
            return f;
        }

        var byLevel = new double[ng];
        var byColumn = new double[nc];
        double sre = 0, lre = 0, lgre = 0, hgre = 0, srlge = 0, srhge = 0, lrlge = 0, lrhge = 0, meanI = 0, meanJ = 0, entropy = 0, energy = 0;
        for (int i = 0; i < ng; i++)
        {
            double gi = i + 1, gi2 = gi * gi;
            for (int j = 0; j < nc; j++)
            {
                double c = r[(i * nc) + j];
                if (c == 0)
                {
                    continue;
                }

                double gj = j + 1, gj2 = gj * gj;
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
        }

        double glnu = 0, rlnu = 0, varI = 0, varJ = 0;
        for (int i = 0; i < ng; i++)
        {
            glnu += byLevel[i] * byLevel[i];
            varI += (i + 1 - meanI) * (i + 1 - meanI) * byLevel[i] / ns;
        }

        for (int j = 0; j < nc; j++)
        {
            rlnu += byColumn[j] * byColumn[j];
            varJ += (j + 1 - meanJ) * (j + 1 - meanJ) * byColumn[j] / ns;
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
        f[12] = m.Voxels > 0 ? ns / m.Voxels : double.NaN;
        f[13] = varI;
        f[14] = varJ;
        f[15] = entropy;
        if (withEnergy)
        {
            f[16] = energy;
        }

        return f;
    }
}
