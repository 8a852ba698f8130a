namespace Radiomics.Features.Texture;

/// <summary>Grey level co-occurrence matrix (GLCM) features, IBSI family LFYI.</summary>
public static class Glcm
{
    public const string Family = "glcm";

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        int ng = roi.GreyLevelCount;
        return new DirectionalAggregation(
            roi, settings, Family, GlcmFeatures.Definitions,
            () => new TextureMatrix(ng, ng),
            (offset, scope, m) => m.Voxels += GlcmMatrix.Accumulate(roi.Levels, roi.Size, offset, scope.ZFrom, scope.ZTo, m.Counts, ng),
            GlcmFeatures.Compute).Compute();
    }
}
