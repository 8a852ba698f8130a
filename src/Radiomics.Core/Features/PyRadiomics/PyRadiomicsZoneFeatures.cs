namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// The emphasis, non-uniformity, variance and entropy features shared by PyRadiomics' GLRLM, GLSZM and GLDM: a matrix
/// of grey level (rows, the bin numbers present) by run length, zone size or dependence count (columns, 1-based).
/// </summary>
internal static class PyRadiomicsZoneFeatures
{
    /// <summary>
    /// GLRLM features of one direction. Nr, the number of runs, is NaN for an empty matrix (features NaN, skipped when
    /// averaging), as in PyRadiomics.
    /// </summary>
    public static Dictionary<string, double> RunFeatures(double[,] m, double[] level)
    {
        var c = Coefficients(m, level);
        double nr = c.Total == 0 ? double.NaN : c.Total;
        return new Dictionary<string, double>
        {
            ["GrayLevelNonUniformity"] = c.SumPg2 / nr,
            ["GrayLevelNonUniformityNormalized"] = c.SumPg2 / (nr * nr),
            ["GrayLevelVariance"] = c.GreyVariance(nr),
            ["HighGrayLevelRunEmphasis"] = c.HighGrey / nr,
            ["LongRunEmphasis"] = c.Large / nr,
            ["LongRunHighGrayLevelEmphasis"] = c.LargeHigh / nr,
            ["LongRunLowGrayLevelEmphasis"] = c.LargeLow / nr,
            ["LowGrayLevelRunEmphasis"] = c.LowGrey / nr,
            ["RunEntropy"] = c.Entropy(nr),
            ["RunLengthNonUniformity"] = c.SumPs2 / nr,
            ["RunLengthNonUniformityNormalized"] = c.SumPs2 / (nr * nr),
            ["RunPercentage"] = nr / c.Np,
            ["RunVariance"] = c.SizeVariance(nr),
            ["ShortRunEmphasis"] = c.Small / nr,
            ["ShortRunHighGrayLevelEmphasis"] = c.SmallHigh / nr,
            ["ShortRunLowGrayLevelEmphasis"] = c.SmallLow / nr,
        };
    }

    /// <summary>GLSZM features. Nz and Np are set to 1 when 0, as in PyRadiomics.</summary>
    public static Dictionary<string, double> ZoneFeatures(double[,] m, double[] level)
    {
        var c = Coefficients(m, level);
        double nz = c.Total == 0 ? 1 : c.Total, np = c.Np == 0 ? 1 : c.Np;
        return new Dictionary<string, double>
        {
            ["GrayLevelNonUniformity"] = c.SumPg2 / nz,
            ["GrayLevelNonUniformityNormalized"] = c.SumPg2 / (nz * nz),
            ["GrayLevelVariance"] = c.GreyVariance(nz),
            ["HighGrayLevelZoneEmphasis"] = c.HighGrey / nz,
            ["LargeAreaEmphasis"] = c.Large / nz,
            ["LargeAreaHighGrayLevelEmphasis"] = c.LargeHigh / nz,
            ["LargeAreaLowGrayLevelEmphasis"] = c.LargeLow / nz,
            ["LowGrayLevelZoneEmphasis"] = c.LowGrey / nz,
            ["SizeZoneNonUniformity"] = c.SumPs2 / nz,
            ["SizeZoneNonUniformityNormalized"] = c.SumPs2 / (nz * nz),
            ["SmallAreaEmphasis"] = c.Small / nz,
            ["SmallAreaHighGrayLevelEmphasis"] = c.SmallHigh / nz,
            ["SmallAreaLowGrayLevelEmphasis"] = c.SmallLow / nz,
            ["ZoneEntropy"] = c.Entropy(nz),
            ["ZonePercentage"] = nz / np,
            ["ZoneVariance"] = c.SizeVariance(nz),
        };
    }

    /// <summary>GLDM features; Nz (= the number of ROI voxels) is set to 1 when 0.</summary>
    public static Dictionary<string, double> DependenceFeatures(double[,] m, double[] level)
    {
        var c = Coefficients(m, level);
        double nz = c.Total == 0 ? 1 : c.Total;
        return new Dictionary<string, double>
        {
            ["DependenceEntropy"] = c.Entropy(nz),
            ["DependenceNonUniformity"] = c.SumPs2 / nz,
            ["DependenceNonUniformityNormalized"] = c.SumPs2 / (nz * nz),
            ["DependenceVariance"] = c.SizeVariance(nz),
            ["GrayLevelNonUniformity"] = c.SumPg2 / nz,
            ["GrayLevelVariance"] = c.GreyVariance(nz),
            ["HighGrayLevelEmphasis"] = c.HighGrey / nz,
            ["LargeDependenceEmphasis"] = c.Large / nz,
            ["LargeDependenceHighGrayLevelEmphasis"] = c.LargeHigh / nz,
            ["LargeDependenceLowGrayLevelEmphasis"] = c.LargeLow / nz,
            ["LowGrayLevelEmphasis"] = c.LowGrey / nz,
            ["SmallDependenceEmphasis"] = c.Small / nz,
            ["SmallDependenceHighGrayLevelEmphasis"] = c.SmallHigh / nz,
            ["SmallDependenceLowGrayLevelEmphasis"] = c.SmallLow / nz,
        };
    }

    private static Sums Coefficients(double[,] m, double[] level)
    {
        int g = m.GetLength(0), n = m.GetLength(1);
        var pg = new double[g];
        var ps = new double[n];
        var s = new Sums { Matrix = m, Level = level, Pg = pg, Ps = ps };
        for (int r = 0; r < g; r++)
        {
            double i2 = level[r] * level[r];
            for (int c = 0; c < n; c++)
            {
                double p = m[r, c];
                if (p == 0)
                {
                    continue;
                }

                double j = c + 1, j2 = j * j;
                pg[r] += p;
                ps[c] += p;
                s.Total += p;
                s.Np += p * j;
                s.Small += p / j2;
                s.Large += p * j2;
                s.LowGrey += p / i2;
                s.HighGrey += p * i2;
                s.SmallLow += p / (i2 * j2);
                s.SmallHigh += p * i2 / j2;
                s.LargeLow += p * j2 / i2;
                s.LargeHigh += p * j2 * i2;
            }
        }

        s.SumPg2 = pg.Sum(x => x * x);
        s.SumPs2 = ps.Sum(x => x * x);
        return s;
    }

    private sealed class Sums
    {
        public required double[,] Matrix { get; init; }

        public required double[] Level { get; init; }

        public required double[] Pg { get; init; }

        public required double[] Ps { get; init; }

        public double Total { get; set; }

        public double Np { get; set; }

        public double Small { get; set; }

        public double Large { get; set; }

        public double LowGrey { get; set; }

        public double HighGrey { get; set; }

        public double SmallLow { get; set; }

        public double SmallHigh { get; set; }

        public double LargeLow { get; set; }

        public double LargeHigh { get; set; }

        public double SumPg2 { get; set; }

        public double SumPs2 { get; set; }

        public double GreyVariance(double total)
        {
            double mean = 0, variance = 0;
            for (int r = 0; r < Pg.Length; r++)
            {
                mean += Pg[r] / total * Level[r];
            }

            for (int r = 0; r < Pg.Length; r++)
            {
                variance += Pg[r] / total * (Level[r] - mean) * (Level[r] - mean);
            }

            return variance;
        }

        public double SizeVariance(double total)
        {
            double mean = 0, variance = 0;
            for (int c = 0; c < Ps.Length; c++)
            {
                mean += Ps[c] / total * (c + 1);
            }

            for (int c = 0; c < Ps.Length; c++)
            {
                variance += Ps[c] / total * (c + 1 - mean) * (c + 1 - mean);
            }

            return variance;
        }

        public double Entropy(double total)
        {
            double entropy = 0;
            foreach (var p in Matrix)
            {
                double q = p / total;
                entropy -= q * Math.Log2(q + PyRadiomicsTextureInput.Eps);
            }

            return entropy;
        }
    }
}
