namespace Radiomics.Longitudinal.Registration;

/// <summary>Why two images cannot be registered as given.</summary>
public enum RegistrationProblem
{
    /// <summary>One image is a single slice (2D) and the other a volume (3D), or an image has several components.</summary>
    DimensionMismatch,

    /// <summary>An image holds NaN or infinite voxels.</summary>
    NonFiniteVoxels,

    /// <summary>Under the initial transform no fixed voxel falls inside the moving image.</summary>
    NoOverlap,

    /// <summary>The fixed-image mask is empty or not on the fixed grid.</summary>
    InvalidMask,

    /// <summary>An image has (almost) constant intensity, so there is nothing to align.</summary>
    ConstantImage,

    /// <summary>The external registration program is missing or failed.</summary>
    ExternalToolFailed,
}
