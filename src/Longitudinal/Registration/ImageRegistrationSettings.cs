namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// One registration stage in SimpleITK's vocabulary: the transform to optimise, the metric, the optimiser and the
/// multi-resolution schedule. Immutable; serialisable to YAML/JSON as plain properties.
/// </summary>
public sealed record ImageRegistrationSettings
{
    /// <summary>The transform optimised by this stage.</summary>
    public TransformKind Transform { get; init; } = TransformKind.Affine;

    public MetricSettings Metric { get; init; } = new();

    public OptimiserSettings Optimiser { get; init; } = new();

    /// <summary>
    /// Shrink factor per pyramid level, coarsest first, in units of the fixed image's finest spacing: a level's target
    /// spacing is <c>factor × min(spacing)</c>, and axes already coarser than that (thick slices) are not shrunk.
    /// </summary>
    public IReadOnlyList<double> ShrinkFactors { get; init; } = [4, 2, 1];

    /// <summary>
    /// Gaussian smoothing sigma per level in mm (SimpleITK's physical-unit sigmas); null means half the level's target
    /// spacing, as elastix's smoothing pyramid does.
    /// </summary>
    public IReadOnlyList<double>? SmoothingSigmas { get; init; }

    /// <summary>
    /// Fraction of fixed voxels the metric uses per level (SimpleITK's <c>MetricSamplingPercentage</c> with the REGULAR
    /// strategy): a deterministic lattice of one voxel in <c>round(1/p)</c> along each row. 1 uses every voxel.
    /// </summary>
    public IReadOnlyList<double> SamplingPercentage { get; init; } = [1];

    /// <summary>
    /// Fewest fixed voxels the metric uses at any level: a level whose sampling lattice would hold fewer is sampled more
    /// densely (down to every voxel). Small images (a prostate MR of 70 000 voxels) then keep every voxel at their
    /// finest level, where the few thick slices leave too few samples to place an edge; large images are unaffected.
    /// 0 applies the percentages as given.
    /// </summary>
    public long MinimumSamples { get; init; }

    /// <summary>B-spline control-point spacing of the finest level, mm.</summary>
    public double GridSpacing { get; init; } = 12;

    /// <summary>
    /// B-spline grid spacing per level as multiples of <see cref="GridSpacing"/> (elastix's <c>GridSpacingSchedule</c>);
    /// consecutive entries must be equal or halve, so each refinement is exact.
    /// </summary>
    public IReadOnlyList<double> GridSpacingSchedule { get; init; } = [4, 2, 1];

    /// <summary>
    /// Weight of the smoothness penalty on B-spline coefficients (mean squared second difference of the displacement
    /// between control points per squared grid spacing). 0 disables it.
    /// </summary>
    public double BendingEnergyWeight { get; init; } = 0.01;

    internal int LevelCount => ShrinkFactors.Count;

    internal int StrideAt(int level) =>
        SamplingPercentage.Count == 0 ? 1 : Math.Max(1, (int)Math.Round(1 / SamplingPercentage[Math.Min(level, SamplingPercentage.Count - 1)]));

    /// <summary>The sampling stride of a level with <paramref name="voxels"/> fixed voxels: <see cref="StrideAt(int)"/>, lowered to keep <see cref="MinimumSamples"/>.</summary>
    internal int StrideAt(int level, long voxels)
    {
        int stride = StrideAt(level);
        while (stride > 1 && voxels / stride < MinimumSamples)
        {
            stride--;
        }

        return stride;
    }

    internal double SigmaAt(int level, double targetSpacing) =>
        SmoothingSigmas is { Count: > 0 } s ? s[Math.Min(level, s.Count - 1)] : (ShrinkFactors[level] > 1 ? 0.5 * targetSpacing : 0);

    internal void Validate()
    {
        if (ShrinkFactors.Count == 0)
        {
            throw new ArgumentException("At least one pyramid level (shrink factor) is needed.", nameof(ShrinkFactors));
        }

        foreach (var f in ShrinkFactors)
        {
            if (!(f >= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(ShrinkFactors), f, "Shrink factors must be at least 1.");
            }
        }

        if (MinimumSamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumSamples), MinimumSamples, "The minimum sample count must be zero or positive.");
        }

        foreach (var p in SamplingPercentage)
        {
            if (!(p > 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(SamplingPercentage), p, "Sampling percentages are fractions in (0, 1].");
            }
        }

        if (SmoothingSigmas is not null)
        {
            foreach (var s in SmoothingSigmas)
            {
                if (!(s >= 0))
                {
                    throw new ArgumentOutOfRangeException(nameof(SmoothingSigmas), s, "Smoothing sigmas must be zero or positive.");
                }
            }
        }

        if (Transform == TransformKind.BSpline)
        {
            if (!(GridSpacing > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(GridSpacing), GridSpacing, "The B-spline grid spacing must be positive.");
            }

            if (GridSpacingSchedule.Count == 0)
            {
                throw new ArgumentException("The grid spacing schedule needs one entry per level.", nameof(GridSpacingSchedule));
            }

            for (int i = 1; i < GridSpacingSchedule.Count; i++)
            {
                double r = GridSpacingSchedule[i - 1] / GridSpacingSchedule[i];
                if (Math.Abs(r - 1) > 1e-9 && Math.Abs(r - 2) > 1e-9)
                {
                    throw new ArgumentException($"Grid spacing schedule {string.Join(", ", GridSpacingSchedule)}: each entry must equal or halve the previous one.", nameof(GridSpacingSchedule));
                }
            }
        }

        if (!(BendingEnergyWeight >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(BendingEnergyWeight), BendingEnergyWeight, "The bending energy weight must be zero or positive.");
        }

        Metric.Validate();
        Optimiser.Validate();
    }
}
