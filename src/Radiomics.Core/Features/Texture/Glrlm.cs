namespace Radiomics.Features.Texture;

/// <summary>Grey level run length matrix (GLRLM) features, IBSI family TP0I.</summary>
public static class Glrlm
{
    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
