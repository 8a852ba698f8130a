namespace Radiomics.Longitudinal.Registration;

/// <summary>The similarity metric, named as in SimpleITK's <c>ImageRegistrationMethod.SetMetricAs…</c>.</summary>
public enum MetricKind
{
    /// <summary>Mean of squared intensity differences; for the same modality and calibration (CT to CT).</summary>
    MeanSquares,

    /// <summary>Negative normalised cross-correlation over the overlap; tolerates linear intensity changes.</summary>
    Correlation,

    /// <summary>
    /// Negative mutual information with Mattes' cubic B-spline Parzen window (Mattes et al., IEEE TMI 2003); tolerates
    /// non-linear intensity changes between scans or modalities.
    /// </summary>
    MattesMutualInformation,
}
