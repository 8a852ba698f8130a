namespace Radiomics.Features.Texture;

/// <summary>Neighbouring grey level dependence matrix (NGLDM) features, IBSI family REK0.</summary>
public static class Ngldm
{
    public const string Family = "ngldm";

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        return [];
    }
}
