namespace Radiomics.Processing;

/// <summary>How intensities between voxel centres are estimated when an image is resampled (IBSI 1, "Interpolation", VTM2).</summary>
/// <remarks>
/// Names follow SimpleITK (<c>sitkNearestNeighbor</c>, <c>sitkLinear</c>, <c>sitkBSpline</c>). All three are separable
/// tensor-product kernels, so resampling applies them along one axis after the other; the result equals the 3D
/// (or in-plane 2D) interpolation.
/// </remarks>
public enum Interpolator
{
    /// <summary>The intensity of the nearest original voxel centre.</summary>
    NearestNeighbour,

    /// <summary>Trilinear interpolation (bilinear when resampling in-plane only): IBSI configurations B, C and D.</summary>
    Linear,

    /// <summary>
    /// Cubic B-spline interpolation after the spline prefilter ("tricubic spline", IBSI configuration E), as
    /// <c>scipy.ndimage.map_coordinates(order=3, mode="nearest")</c> computes it.
    /// </summary>
    BSpline,
}
