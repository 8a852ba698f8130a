namespace Radiomics.Processing;

/// <summary>How intensities become grey levels (IBSI 1, "Intensity discretisation", 4R0B).</summary>
public enum DiscretisationMethod
{
    /// <summary>
    /// No discretisation: intensities are used as they are. For texture and histograms they must be whole numbers
    /// ≥ 1 (the IBSI digital phantom); for the intensity-volume histogram this is the "discrete calibrated
    /// intensities" case (CT in HU, interval 1).
    /// </summary>
    None,

    /// <summary>Fixed bin number N_g over the ROI's intensity range (K15C).</summary>
    FixedBinNumber,

    /// <summary>Fixed bin size w_b from a lower bound (Q3RU).</summary>
    FixedBinSize,
}
