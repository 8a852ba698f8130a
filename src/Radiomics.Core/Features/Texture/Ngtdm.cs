namespace Radiomics.Features.Texture;

/// <summary>Neighbourhood grey tone difference matrix (NGTDM) features, IBSI family IPET.</summary>
public static class Ngtdm
{
    public const string Family = "ngtdm";

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
