namespace Radiomics.Features.Texture;

/// <summary>Grey level size zone matrix (GLSZM) features, IBSI family 9SAK.</summary>
public static class Glszm
{
    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
