namespace Radiomics.Longitudinal.Resampling;

/// <summary>Image interpolators, named as SimpleITK's <c>sitkNearestNeighbor</c>, <c>sitkLinear</c>, <c>sitkBSpline</c>.</summary>
public enum InterpolatorKind
{
    NearestNeighbor,

    Linear,

    /// <summary>Cubic B-spline interpolation on prefiltered coefficients (Unser, IEEE SPM 1999): smooth, no overshoot-free guarantee.</summary>
    BSpline,
}
