using System.Globalization;
using System.Text;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// elastix parameter maps written from code: an affine stage and a cubic B-spline stage, both with Mattes mutual
/// information, adaptive stochastic gradient descent and three-level smoothing pyramids — the usual setting for serial
/// scans of one patient.
/// </summary>
public static class ElastixParameterMaps
{
    public static string Affine(int resolutions = 3, int iterations = 250) => Write(Common(resolutions, iterations), ("Transform", "AffineTransform"),
        ("AutomaticScalesEstimation", "true"), ("AutomaticTransformInitialization", "true"), ("AutomaticTransformInitializationMethod", "CenterOfGravity"));

    public static string BSpline(double gridSpacingMm = 12, int resolutions = 3, int iterations = 250) => Write(Common(resolutions, iterations), ("Transform", "BSplineTransform"),
        ("FinalGridSpacingInPhysicalUnits", gridSpacingMm.ToString(CultureInfo.InvariantCulture)));

    private static (string, string)[] Common(int resolutions, int iterations) =>
    [
        ("FixedInternalImagePixelType", "float"), ("MovingInternalImagePixelType", "float"),
        ("FixedImageDimension", "3"), ("MovingImageDimension", "3"), ("UseDirectionCosines", "true"),
        ("Registration", "MultiResolutionRegistration"), ("Interpolator", "BSplineInterpolator"),
        ("ResampleInterpolator", "FinalBSplineInterpolator"), ("Resampler", "DefaultResampler"),
        ("FixedImagePyramid", "FixedSmoothingImagePyramid"), ("MovingImagePyramid", "MovingSmoothingImagePyramid"),
        ("Optimizer", "AdaptiveStochasticGradientDescent"), ("Metric", "AdvancedMattesMutualInformation"),
        ("HowToCombineTransforms", "Compose"), ("NumberOfHistogramBins", "32"),
        ("NumberOfResolutions", resolutions.ToString(CultureInfo.InvariantCulture)),
        ("MaximumNumberOfIterations", iterations.ToString(CultureInfo.InvariantCulture)),
        ("ImageSampler", "RandomCoordinate"), ("NumberOfSpatialSamples", "4096"), ("NewSamplesEveryIteration", "true"),
        ("BSplineInterpolationOrder", "1"), ("FinalBSplineInterpolationOrder", "3"), ("DefaultPixelValue", "0"),
        ("WriteResultImage", "false"), ("ResultImageFormat", "nii.gz"),
    ];

    private static string Write((string, string)[] common, params (string Key, string Value)[] specific)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in common.Concat(specific))
        {
            bool number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            text.Append('(').Append(key).Append(' ').Append(number ? value : $"\"{value}\"").Append(")\n");
        }

        return text.ToString();
    }
}
