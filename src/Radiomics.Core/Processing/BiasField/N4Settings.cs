namespace Radiomics.Processing.BiasField;

/// <summary>
/// Settings of N4 bias-field correction (Tustison et al., IEEE TMI 29:1310, 2010), with the defaults of ITK's
/// <c>N4BiasFieldCorrectionImageFilter</c> and its usual use (SimpleITK's example): 4 fitting levels of 50
/// iterations, shrink factor 4, convergence threshold 0.001, 200 histogram bins, bias FWHM 0.15, Wiener noise 0.01,
/// cubic B-splines starting from 4 control points per axis.
/// </summary>
public sealed record N4Settings
{
    /// <summary>Maximum iterations at each fitting level; the number of entries is the number of levels (the control-point spacing halves at each). Default 50, 50, 50, 50.</summary>
    public int[] MaximumIterations { get; init; } = [50, 50, 50, 50];

    /// <summary>The field is estimated on the image shrunk by this factor along every axis (one voxel per block, as ITK's ShrinkImageFilter). Default 4.</summary>
    public int ShrinkFactor { get; init; } = 4;

    /// <summary>A level stops when the coefficient of variation of the ratio of successive field estimates falls below this. Default 0.001.</summary>
    public double ConvergenceThreshold { get; init; } = 0.001;

    /// <summary>Bins of the log-intensity histogram that is sharpened. Default 200.</summary>
    public int HistogramBins { get; init; } = 200;

    /// <summary>Full width at half maximum of the Gaussian assumed for the bias-field blur of the log histogram. Default 0.15.</summary>
    public double BiasFieldFullWidthAtHalfMaximum { get; init; } = 0.15;

    /// <summary>Noise term of the Wiener deconvolution of the histogram. Default 0.01.</summary>
    public double WienerFilterNoise { get; init; } = 0.01;

    /// <summary>Control points per axis at the first level (cubic splines: at least 4). Default 4.</summary>
    public int InitialControlPoints { get; init; } = 4;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (MaximumIterations is null || MaximumIterations.Length == 0 || MaximumIterations.Any(i => i < 1))
        {
            throw new ArgumentException("N4 needs at least one fitting level, each with at least one iteration.", nameof(MaximumIterations));
        }

        if (ShrinkFactor < 1 || HistogramBins < 2 || InitialControlPoints < 4)
        {
            throw new ArgumentException($"N4 needs a shrink factor ≥ 1 (got {ShrinkFactor}), ≥ 2 histogram bins (got {HistogramBins}) and ≥ 4 initial control points (got {InitialControlPoints}).", nameof(ShrinkFactor));
        }

        if (!(ConvergenceThreshold >= 0) || !(BiasFieldFullWidthAtHalfMaximum > 0) || !(WienerFilterNoise > 0))
        {
            throw new ArgumentException("N4's convergence threshold must be ≥ 0, and the bias FWHM and Wiener noise positive.", nameof(ConvergenceThreshold));
        }
    }
}
