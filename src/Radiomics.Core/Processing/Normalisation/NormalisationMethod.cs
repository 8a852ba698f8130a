namespace Radiomics.Processing.Normalisation;

/// <summary>How intensities are put on a common scale before features or habitats (MR has no absolute scale).</summary>
public enum NormalisationMethod
{
    /// <summary>Intensities as they are (calibrated CT in HU, PET in SUV).</summary>
    None,

    /// <summary>(x − μ) / σ over the normalisation region, times <see cref="NormalisationSettings.Scale"/>.</summary>
    ZScore,

    /// <summary>
    /// Linear scaling of the region's lower and upper percentiles onto 0 and <see cref="NormalisationSettings.Scale"/>
    /// (values outside the percentiles extrapolate linearly; nothing is clipped).
    /// </summary>
    Percentile,

    /// <summary>
    /// Nyúl–Udupa histogram standardisation (Nyúl and Udupa, Magn Reson Med 1999; Nyúl, Udupa and Zhang, IEEE TMI
    /// 2000): piecewise-linear mapping of each scan's percentile landmarks onto standard landmarks fitted on a cohort
    /// (<see cref="NyulStandardisation.Fit"/>).
    /// </summary>
    Nyul,
}
