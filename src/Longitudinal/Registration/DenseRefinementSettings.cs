namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The dense refinement after the B-spline stage: a displacement field on the fixed grid (shrunk only when it would
/// exceed <see cref="MaximumVoxels"/>) that maximises the local normalised cross-correlation, grown by small composed
/// steps that are smoothed before (<see cref="FluidSigma"/>) and after (<see cref="ElasticSigma"/>) each composition,
/// as greedy SyN does. It places edges that a B-spline grid smooths over, such as the boundary of a tumour that shrank
/// away from tissue that does not move, so the Jacobian volume change follows the tumour. Intensity changes that are
/// locally linear (a darkening core, a bias field) do not pull it. Off by default in
/// <see cref="DeformableRegistrationSettings.Dense"/>: on smooth deformations it adds noise to the field (the
/// benchmark pairs' displacement error rises); a study's registration turns it on for the Jacobian volume change.
/// </summary>
public sealed record DenseRefinementSettings
{
    /// <summary>Number of composed steps.</summary>
    public int Iterations { get; init; } = 40;

    /// <summary>Largest step of one iteration, in voxels of the refinement grid.</summary>
    public double MaximumStep { get; init; } = 0.25;

    /// <summary>Gaussian smoothing of each step (the update field), mm.</summary>
    public double FluidSigma { get; init; } = 1;

    /// <summary>Gaussian smoothing of the accumulated field after each step, mm.</summary>
    public double ElasticSigma { get; init; } = 0.5;

    /// <summary>Half-width of the correlation window, mm (per axis rounded to whole voxels, at least one).</summary>
    public double WindowRadius { get; init; } = 1;

    /// <summary>
    /// Grow the field in the log domain: steps add to a stationary velocity field v, smoothed after each step, and the
    /// field is its exponential <c>exp(v)</c> by scaling and squaring (<see cref="StationaryVelocityField"/>), whose
    /// Jacobian determinant is positive by construction. Off: the steps are composed with the field directly.
    /// </summary>
    public bool Diffeomorphic { get; init; }

    /// <summary>Largest number of grid points of the refinement field; larger images are refined on a coarser grid.</summary>
    public long MaximumVoxels { get; init; } = 2_000_000;

    internal void Validate()
    {
        if (Iterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "The dense refinement's iteration count must be zero or positive.");
        }

        if (!(MaximumStep > 0 && MaximumStep <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumStep), MaximumStep, "The dense refinement's step must be in (0, 1] voxel.");
        }

        if (!(FluidSigma >= 0) || !(ElasticSigma >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(FluidSigma), "The dense refinement's smoothing sigmas must be zero or positive.");
        }

        if (!(WindowRadius > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(WindowRadius), WindowRadius, "The correlation window radius must be positive.");
        }

        if (MaximumVoxels < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumVoxels), MaximumVoxels, "The refinement grid needs at least 64 voxels.");
        }
    }
}
