namespace Radiomics.Features;

/// <summary>
/// Intensity-based statistical features (IBSI 1, family UHIW): 18 statistics of the intensities X_gl of the voxels in
/// the ROI intensity mask, computed over the whole volume (DHQ4). No discretisation; variance, skewness and kurtosis
/// without bias correction.
/// </summary>
public static class IntensityStatistics
{
    /// <summary>Family key in feature tables and the IBSI reference data.</summary>
    public const string Family = "intensity_statistics";

    /// <summary>All 18 features of the intensities in the intensity mask (any order; not modified).</summary>
    /// <exception cref="EmptyRoiException">No intensity is given.</exception>
    public static IReadOnlyList<FeatureValue> Compute(ReadOnlySpan<double> intensities)
    {
        if (intensities.IsEmpty)
        {
            throw new EmptyRoiException("Intensity statistics need at least one voxel in the intensity mask.");
        }

        var sorted = intensities.ToArray();
        Array.Sort(sorted);
        var s = DescriptiveStatistics.Of(sorted);
        return
        [
            F("Mean intensity", "Q4LE", s.Mean),
            F("Intensity variance", "ECT3", s.Variance),
            F("Intensity skewness", "KE2A", s.Skewness),
            F("(Excess) intensity kurtosis", "IPH6", s.Kurtosis),
            F("Median intensity", "Y12H", s.Median),
            F("Minimum intensity", "1GSF", s.Minimum),
            F("10th intensity percentile", "QG58", s.P10),
            F("90th intensity percentile", "8DWT", s.P90),
            F("Maximum intensity", "84IY", s.Maximum),
            F("Intensity interquartile range", "SALO", s.InterquartileRange),
            F("Intensity range", "2OJQ", s.Range),
            F("Intensity-based mean absolute deviation", "4FUA", s.MeanAbsoluteDeviation),
            F("Intensity-based robust mean absolute deviation", "1128", s.RobustMeanAbsoluteDeviation),
            F("Intensity-based median absolute deviation", "N72L", s.MedianAbsoluteDeviation),
            F("Intensity-based coefficient of variation", "7TET", s.CoefficientOfVariation),
            F("Intensity-based quartile coefficient of dispersion", "9S40", s.QuartileCoefficientOfDispersion),
            F("Intensity-based energy", "N8CA", s.Energy),
            F("Root mean square intensity", "5ZWQ", Math.Sqrt(s.Energy / sorted.Length)),
        ];
    }

    private static FeatureValue F(string name, string code, double value) => new(Family, name, code, value);
}
