using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>
/// Interpolation to a new voxel spacing with the IBSI grid alignment (IBSI 1, "Interpolation", VTM2): grid
/// centres aligned (3WE3), size rounded up (026Q). Immutable; YAML maps onto it.
/// </summary>
public sealed record ResamplingSettings
{
    /// <summary>The new voxel spacing in mm (x, y, z). With <see cref="InPlaneOnly"/> the z value is ignored.</summary>
    public Vec3 Spacing { get; init; } = new(1, 1, 1);

    /// <summary>Interpolator for intensities. Default <see cref="Interpolator.Linear"/>.</summary>
    public Interpolator Interpolator { get; init; } = Interpolator.Linear;

    /// <summary>Interpolator for the ROI mask. Default <see cref="Interpolator.Linear"/>, binarised with <see cref="PartialVolumeThreshold"/>.</summary>
    public Interpolator MaskInterpolator { get; init; } = Interpolator.Linear;

    /// <summary>Partial volume threshold δ (IBSI E8H9): interpolated mask values ≥ δ belong to the ROI. Default 0.5.</summary>
    public double PartialVolumeThreshold { get; init; } = 0.5;

    /// <summary>Round interpolated intensities to the nearest integer (IBSI 68QD; CT in Hounsfield units). Default false.</summary>
    public bool RoundIntensities { get; init; }

    /// <summary>Interpolate within slices only and keep the slice positions (IBSI 2D configurations A and B). Default false.</summary>
    public bool InPlaneOnly { get; init; }

    /// <summary>Smallest resampled spacing accepted, mm (1 µm: finer than any scanner).</summary>
    public const double MinimumSpacing = 1e-3;

    /// <summary>Largest resampled spacing accepted, mm: a grid of coarser voxels is no image, and the ratio to the finest spacing stays invertible.</summary>
    public const double MaximumSpacing = 500;

    /// <summary>True for a spacing from <see cref="MinimumSpacing"/> to <see cref="MaximumSpacing"/> mm (never NaN).</summary>
    public static bool InRange(double spacing) => spacing >= MinimumSpacing && spacing <= MaximumSpacing;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        bool zUsed = !InPlaneOnly;
        if (!InRange(Spacing.X) || !InRange(Spacing.Y) || (zUsed && !InRange(Spacing.Z)))
        {
            throw new ArgumentException($"Resampling spacing must be finite and from {MinimumSpacing} to {MaximumSpacing} mm; got {Spacing}.", nameof(Spacing));
        }

        if (!(PartialVolumeThreshold > 0 && PartialVolumeThreshold <= 1))
        {
            throw new ArgumentException($"The partial volume threshold must lie in (0, 1]; got {PartialVolumeThreshold}.", nameof(PartialVolumeThreshold));
        }

        if (!Enum.IsDefined(Interpolator) || !Enum.IsDefined(MaskInterpolator))
        {
            throw new ArgumentException($"Unknown interpolator {Interpolator} / {MaskInterpolator}.", nameof(Interpolator));
        }
    }
}
