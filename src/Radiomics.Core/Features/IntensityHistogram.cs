namespace Radiomics.Features;

/// <summary>
/// Intensity histogram features (IBSI 1, family ZVCW): 23 features of the discretised intensities X_d of the voxels in
/// the ROI intensity mask and of their histogram H = {n_1 … n_Ng} (non-sparse: empty bins count), over the whole
/// volume (DHQ4).
/// </summary>
public static class IntensityHistogram
{
    /// <summary>Family key in feature tables and the IBSI reference data.</summary>
    public const string Family = "intensity_histogram";

    /// <summary>All 23 features of the grey levels of <paramref name="roi"/> (voxels with level ≥ 1).</summary>
    /// <exception cref="EmptyRoiException">No voxel has a grey level.</exception>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi)
    {
        ArgumentNullException.ThrowIfNull(roi);
        return Compute(roi.Levels, roi.GreyLevelCount);
    }

    /// <summary>All 23 features of grey levels 1..<paramref name="greyLevelCount"/> (zeros, outside the ROI, are ignored).</summary>
    public static IReadOnlyList<FeatureValue> Compute(ReadOnlySpan<int> levels, int greyLevelCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(greyLevelCount, 1);
        var counts = new long[greyLevelCount + 1];
        int n = 0;
        foreach (var l in levels)
        {
            if (l > 0)
            {
                if (l > greyLevelCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(levels), l, $"Grey levels must lie in 1..{greyLevelCount}.");
                }

                counts[l]++;
                n++;
            }
        }

        if (n == 0)
        {
            throw new EmptyRoiException("The intensity histogram needs at least one voxel in the intensity mask.");
        }

        // The sorted sample follows from the counts without a sort.
        var sorted = new double[n];
        int k = 0;
        for (int i = 1; i <= greyLevelCount; i++)
        {
            sorted.AsSpan(k, (int)counts[i]).Fill(i);
            k += (int)counts[i];
        }

        var s = DescriptiveStatistics.Of(sorted);
        double entropy = 0, uniformity = 0;
        for (int i = 1; i <= greyLevelCount; i++)
        {
            if (counts[i] > 0)
            {
                double p = (double)counts[i] / n;
                entropy -= p * Math.Log2(p);
                uniformity += p * p;
            }
        }

        var (maxGradient, maxGradientLevel, minGradient, minGradientLevel) = Gradients(counts, greyLevelCount);
        return
        [
            F("Mean discretised intensity", "X6K6", s.Mean),
            F("Discretised intensity variance", "CH89", s.Variance),
            F("Discretised intensity skewness", "88K1", s.Skewness),
            F("(Excess) discretised intensity kurtosis", "C3I7", s.Kurtosis),
            F("Median discretised intensity", "WIFQ", s.Median),
            F("Minimum discretised intensity", "1PR8", s.Minimum, "minimum"),
            F("10th discretised intensity percentile", "1PR8", s.P10, "10th percentile"),
            F("90th discretised intensity percentile", "GPMT", s.P90),
            F("Maximum discretised intensity", "3NCY", s.Maximum),
            F("Intensity histogram mode", "AMMC", Mode(counts, greyLevelCount, s.Mean)),
            F("Discretised intensity interquartile range", "WR0O", s.InterquartileRange),
            F("Discretised intensity range", "5Z3W", s.Range),
            F("Intensity histogram mean absolute deviation", "D2ZX", s.MeanAbsoluteDeviation),
            F("Intensity histogram robust mean absolute deviation", "WRZB", s.RobustMeanAbsoluteDeviation),
            F("Intensity histogram median absolute deviation", "4RNL", s.MedianAbsoluteDeviation),
            F("Intensity histogram coefficient of variation", "CWYJ", s.CoefficientOfVariation),
            F("Intensity histogram quartile coefficient of dispersion", "SLWD", s.QuartileCoefficientOfDispersion),
            F("Discretised intensity entropy", "TLU2", entropy),
            F("Discretised intensity uniformity", "BJ5W", uniformity),
            F("Maximum histogram gradient", "12CE", maxGradient),
            F("Maximum histogram gradient intensity", "8E6O", maxGradientLevel),
            F("Minimum histogram gradient", "VQB3", minGradient),
            F("Minimum histogram gradient intensity", "RHQZ", minGradientLevel),
        ];
    }

    /// <summary>The most frequent level; ties go to the level closest to the mean, then to the lower one (AMMC).</summary>
    private static double Mode(long[] counts, int greyLevelCount, double mean)
    {
        int best = 1;
        for (int i = 2; i <= greyLevelCount; i++)
        {
            if (counts[i] > counts[best] || (counts[i] == counts[best] && Math.Abs(i - mean) < Math.Abs(best - mean)))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Extremes of the histogram gradient H′ (12CE, 8E6O, VQB3, RHQZ): one-sided differences at the ends, central
    /// differences inside; the first level reaching an extreme is reported. A one-bin histogram has gradient 0.
    /// </summary>
    private static (double Max, double MaxLevel, double Min, double MinLevel) Gradients(long[] counts, int ng)
    {
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        int maxLevel = 1, minLevel = 1;
        for (int i = 1; i <= ng; i++)
        {
            double g = ng == 1 ? 0
                : i == 1 ? counts[2] - counts[1]
                : i == ng ? counts[ng] - counts[ng - 1]
                : (counts[i + 1] - counts[i - 1]) / 2.0;
            if (g > max)
            {
                max = g;
                maxLevel = i;
            }

            if (g < min)
            {
                min = g;
                minLevel = i;
            }
        }

        return (max, maxLevel, min, minLevel);
    }

    private static FeatureValue F(string name, string code, double value, string variant = "") => new(Family, name, code, value, Variant: variant);
}
