namespace Radiomics.Features.Texture;

/// <summary>Grey level size zone matrix (GLSZM) features, IBSI family 9SAK.</summary>
public static class Glszm
{
    public const string Family = "glszm";

    /// <summary>Names and codes, in <see cref="ZoneMatrixFeatures"/> order.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("Small zone emphasis", "5QRC"),
        new("Large zone emphasis", "48P8"),
        new("Low grey level zone emphasis", "XMSY"),
        new("High grey level zone emphasis", "5GN9"),
        new("Small zone low grey level emphasis", "5RAI"),
        new("Small zone high grey level emphasis", "HW1V"),
        new("Large zone low grey level emphasis", "YH51"),
        new("Large zone high grey level emphasis", "J17V"),
        new("Grey level non-uniformity", "JNSA"),
        new("Normalised grey level non-uniformity", "Y1RO"),
        new("Zone size non-uniformity", "4JP3"),
        new("Normalised zone size non-uniformity", "VB3A"),
        new("Zone percentage", "P30P"),
        new("Grey level variance", "BYLV"),
        new("Zone size variance", "3NSA"),
        new("Zone size entropy", "GU8N"),
    ];

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        int ng = roi.GreyLevelCount;

        // An in-slice (8-connected) zone lies inside a 26-connected zone of the same level, so the largest 3D zone
        // bounds every matrix's width; the 3D zones are kept for the 3D matrix.
        var volume = TextureScope.Volume(roi);
        var zones3D = Zones.Find(roi, volume);
        int largest = zones3D.Count == 0 ? 1 : zones3D.Max(z => z.Size);
        return new ScopeAggregation(
            roi, settings, Family, Definitions,
            () => new TextureMatrix(ng, largest),
            (scope, m) =>
            {
                foreach (var zone in scope == volume ? zones3D : Zones.Find(roi, scope))
                {
                    m.Counts[((zone.Level - 1) * m.Columns) + zone.Size - 1]++;
                    m.Voxels += zone.Size;
                }
            },
            m => ZoneMatrixFeatures.Compute(m)).Compute();
    }
}
