namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// First-order statistics of the intensities in a voxel's neighbourhood, with the IBSI 1 definitions of the
/// intensity-based statistical features (section 3.4) and, for entropy and uniformity, of the intensity histogram
/// features (section 3.5) on discretised intensities.
/// </summary>
public enum LocalStatistic
{
    /// <summary>Mean intensity (IBSI Q4LE).</summary>
    Mean,

    /// <summary>Intensity variance, population form (IBSI ECT3).</summary>
    Variance,

    /// <summary>Square root of the variance.</summary>
    StandardDeviation,

    /// <summary>Intensity skewness m₃/m₂^1.5, 0 for constant intensities (IBSI KE2A).</summary>
    Skewness,

    /// <summary>(Excess) intensity kurtosis m₄/m₂² − 3, 0 for constant intensities (IBSI IPH6).</summary>
    Kurtosis,

    /// <summary>Minimum intensity (IBSI 1GSF).</summary>
    Minimum,

    /// <summary>10th intensity percentile (IBSI QG58).</summary>
    Percentile10,

    /// <summary>Median intensity (IBSI Y12H).</summary>
    Median,

    /// <summary>90th intensity percentile (IBSI 8DWT).</summary>
    Percentile90,

    /// <summary>Maximum intensity (IBSI 84IY).</summary>
    Maximum,

    /// <summary>Interquartile range P75 − P25 (IBSI SALO).</summary>
    InterquartileRange,

    /// <summary>Range, maximum − minimum (IBSI 2OJQ).</summary>
    Range,

    /// <summary>Energy Σx² (IBSI N8CA).</summary>
    Energy,

    /// <summary>Root mean square √(Σx²/N) (IBSI 5ZWQ).</summary>
    RootMeanSquare,

    /// <summary>Intensity histogram entropy −Σ p log₂ p of the discretised intensities (IBSI TLU2).</summary>
    Entropy,

    /// <summary>Intensity histogram uniformity Σ p² of the discretised intensities (IBSI BJ5W).</summary>
    Uniformity,
}
