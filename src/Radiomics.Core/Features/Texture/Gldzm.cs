namespace Radiomics.Features.Texture;

/// <summary>Grey level distance zone matrix (GLDZM) features, IBSI family VMDZ.</summary>
public static class Gldzm
{
    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
