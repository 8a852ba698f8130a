namespace Radiomics.Features;

/// <summary>The feature families an extraction computes; YAML lists them by family key.</summary>
[Flags]
public enum FeatureFamilies
{
    None = 0,

    /// <summary>Morphological features (IBSI HCUG), key <c>morphology</c>.</summary>
    Morphology = 1,

    /// <summary>Local intensity features (IBSI 9ST6), key <c>local_intensity</c>.</summary>
    LocalIntensity = 2,

    /// <summary>Intensity-based statistical features (IBSI UHIW), key <c>intensity_statistics</c>.</summary>
    IntensityStatistics = 4,

    /// <summary>Intensity histogram features (IBSI ZVCW), key <c>intensity_histogram</c>.</summary>
    IntensityHistogram = 8,

    /// <summary>Intensity-volume histogram features (IBSI P88C), key <c>ivh</c>.</summary>
    IntensityVolumeHistogram = 16,

    /// <summary>The six texture families (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM), key <c>texture</c>.</summary>
    Texture = 32,

    All = Morphology | LocalIntensity | IntensityStatistics | IntensityHistogram | IntensityVolumeHistogram | Texture,
}

/// <summary>Family keys of <see cref="FeatureFamilies"/>, as used in YAML and in the feature table.</summary>
public static class FeatureFamilyKeys
{
    private static readonly (FeatureFamilies Family, string Key)[] Keys =
    [
        (FeatureFamilies.Morphology, "morphology"),
        (FeatureFamilies.LocalIntensity, LocalIntensity.Family),
        (FeatureFamilies.IntensityStatistics, IntensityStatistics.Family),
        (FeatureFamilies.IntensityHistogram, IntensityHistogram.Family),
        (FeatureFamilies.IntensityVolumeHistogram, IntensityVolumeHistogram.Family),
        (FeatureFamilies.Texture, "texture"),
    ];

    /// <summary>The keys of the families in <paramref name="families"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> ToKeys(this FeatureFamilies families)
    {
        var keys = new List<string>();
        foreach (var (f, k) in Keys)
        {
            if ((families & f) != 0)
            {
                keys.Add(k);
            }
        }

        return keys;
    }

    /// <summary>Parses family keys ("all" for every family); throws naming an unknown key and the known ones.</summary>
    public static FeatureFamilies Parse(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = FeatureFamilies.None;
        foreach (var key in keys)
        {
            string k = key.Trim().ToLowerInvariant();
            if (k == "all")
            {
                result |= FeatureFamilies.All;
                continue;
            }

            var match = Array.Find(Keys, e => e.Key == k);
            if (match.Key is null)
            {
                throw new ArgumentException($"Unknown feature family '{key}'; known: all, {string.Join(", ", Keys.Select(e => e.Key))}.", nameof(keys));
            }

            result |= match.Family;
        }

        return result;
    }
}
