namespace Radiomics.Longitudinal.Delta;

/// <summary>How a feature's change between time points is expressed (delta-radiomics).</summary>
public enum DeltaKind
{
    /// <summary>x_t − x_baseline, in the feature's unit.</summary>
    Absolute,

    /// <summary>100 · (x_t − x_baseline) / |x_baseline|, in percent; undefined (NaN) when the baseline is 0.</summary>
    RelativePercent,

    /// <summary>ln(x_t / x_baseline); defined only when both values are positive (NaN otherwise).</summary>
    LogRatio,

    /// <summary>Least-squares slope of the feature against days since baseline, over all time points; unit per day.</summary>
    SlopePerDay,
}
