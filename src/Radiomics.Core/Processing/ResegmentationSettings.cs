namespace Radiomics.Processing;

/// <summary>
/// Re-segmentation of the intensity mask (IBSI 1, "Re-segmentation", IF9H): a range (USB3) and/or outlier
/// filtering (7ACA). When both are set, the intersection of the two ranges is used. The morphological mask is never
/// re-segmented.
/// </summary>
public sealed record ResegmentationSettings
{
    /// <summary>Lower bound of the range (inclusive), e.g. −500 HU; null for none. Also the lower bound of fixed bin size discretisation.</summary>
    public double? Minimum { get; init; }

    /// <summary>Upper bound of the range (inclusive), e.g. 400 HU; null for a half-open range [a, ∞).</summary>
    public double? Maximum { get; init; }

    /// <summary>
    /// Outlier filtering: voxels outside μ ± k·σ of the ROI intensities (mean and population standard deviation over
    /// the morphological mask) are removed; k = 3 in IBSI. Null (default) disables it.
    /// </summary>
    public double? OutlierSigma { get; init; }

    /// <summary>True when no re-segmentation is asked for.</summary>
    public bool IsNone => Minimum is null && Maximum is null && OutlierSigma is null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Minimum is { } a && Maximum is { } b && !(a <= b))
        {
            throw new ArgumentException($"The re-segmentation range [{a}, {b}] is empty.", nameof(Minimum));
        }

        if ((Minimum is { } lo && double.IsNaN(lo)) || (Maximum is { } hi && double.IsNaN(hi)))
        {
            throw new ArgumentException("Re-segmentation bounds must be numbers.", nameof(Minimum));
        }

        if (OutlierSigma is { } k && !(k > 0 && double.IsFinite(k)))
        {
            throw new ArgumentException($"The outlier filter needs a positive number of standard deviations; got {k}.", nameof(OutlierSigma));
        }
    }
}
