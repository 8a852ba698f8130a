using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Settings of a synthetic multi-parametric MR cohort (<see cref="SyntheticMultiChannelCohort"/>): every visit a T2 and
/// an ADC scan of the same field of view on different grids, a tumour of four habitats that only the combination of
/// both channels separates.
/// </summary>
public sealed record SyntheticMultiChannelCohortSettings
{
    /// <summary>Number of subjects.</summary>
    public int Subjects { get; init; } = 4;

    /// <summary>Follow-up visits after the baseline (1 or 2 in the phantom).</summary>
    public int FollowUps { get; init; } = 1;

    /// <summary>Days between consecutive visits.</summary>
    public int DaysBetweenScans { get; init; } = 56;

    /// <summary>Field of view of both channels, mm (x, y, z).</summary>
    public Vec3 FieldOfView { get; init; } = new(96, 96, 64);

    /// <summary>Voxel spacing of the T2 channel (the reference), mm.</summary>
    public Vec3 T2Spacing { get; init; } = new(1, 1, 2);

    /// <summary>Voxel spacing of the ADC channel, mm.</summary>
    public Vec3 AdcSpacing { get; init; } = new(2, 2, 4);

    /// <summary>Smallest and largest per-subject multiplicative scale of the T2 intensities (the scanner's gain).</summary>
    public (double Minimum, double Maximum) T2Scale { get; init; } = (0.5, 3.0);

    /// <summary>
    /// Standard deviation of the Gaussian noise of each channel, as a fraction of the contrast between its high and
    /// low habitats (before the T2 scale, which multiplies the noise too). At 0.15 a plain pipeline (image z-score,
    /// trilinear ADC on the T2 grid, pooled k-means on the two intensities) scores an adjusted Rand index of about 0.90.
    /// </summary>
    public double NoiseFraction { get; init; } = 0.15;

    /// <summary>Largest shift of the anatomy at a follow-up, mm along each axis.</summary>
    public double MaxShift { get; init; } = 4;

    /// <summary>Change of each channel's "high" fraction of the tumour per interval (sign drawn per subject).</summary>
    public double FractionChangePerInterval { get; init; } = 0.15;

    /// <summary>Smallest and largest tumour semi-axis, mm.</summary>
    public (double Minimum, double Maximum) TumourRadius { get; init; } = (15, 21);

    /// <summary>
    /// Wavelength of the smooth random fields whose level sets bound the habitats, mm: habitats are blobs of about half
    /// this size, several ADC voxels across.
    /// </summary>
    public double HabitatWavelength { get; init; } = 36;

    /// <summary>Give the follow-ups' masks on the ADC grid (the baseline's is on the T2 grid), as a manifest may.</summary>
    public bool FollowUpMasksOnAdcGrid { get; init; } = true;

    /// <summary>A shift of the ADC content against its header at every visit, mm (zero: the channels share a frame); for registration tests.</summary>
    public Vec3 AdcMisregistration { get; init; } = Vec3.Zero;

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = 11;
}

/// <summary>The planted truth of one visit of a synthetic multi-parametric cohort.</summary>
/// <param name="Subject">Subject ID.</param>
/// <param name="TimePoint">Time point ID.</param>
/// <param name="T2Scale">Multiplicative scale of the subject's T2 intensities.</param>
/// <param name="Shift">Shift of the anatomy against the baseline, mm.</param>
/// <param name="HabitatFractions">Fraction of the tumour in habitats 1..4 (T2 high/ADC high, T2 low/ADC high, T2 high/ADC low, T2 low/ADC low).</param>
/// <param name="HabitatMapPath">The planted habitat label map on the T2 grid, relative to the cohort folder.</param>
public sealed record SyntheticMultiChannelTruth(string Subject, string TimePoint, double T2Scale, Vec3 Shift, double[] HabitatFractions, string HabitatMapPath);
