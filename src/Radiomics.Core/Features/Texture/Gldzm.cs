namespace Radiomics.Features.Texture;

/// <summary>Grey level distance zone matrix (GLDZM) features, IBSI family VMDZ.</summary>
public static class Gldzm
{
    public const string Family = "gldzm";

    /// <summary>Names and codes, in <see cref="ZoneMatrixFeatures"/> order.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("Small distance emphasis", "0GBI"),
        new("Large distance emphasis", "MB4I"),
        new("Low grey level zone emphasis", "S1RA"),
        new("High grey level zone emphasis", "K26C"),
        new("Small distance low grey level emphasis", "RUVG"),
        new("Small distance high grey level emphasis", "DKNJ"),
        new("Large distance low grey level emphasis", "A7WM"),
        new("Large distance high grey level emphasis", "KLTH"),
        new("Grey level non-uniformity", "VFT7"),
        new("Normalised grey level non-uniformity", "7HP3"),
        new("Zone distance non-uniformity", "V294"),
        new("Normalised zone distance non-uniformity", "IATH"),
        new("Zone percentage", "VIWW"),
        new("Grey level variance", "QK93"),
        new("Zone distance variance", "7WT1"),
        new("Zone distance entropy", "GBDU"),
    ];

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    /// <remarks>Zones come from the intensity mask, distances to the ROI edge from the morphological mask (IBSI 3.9).</remarks>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        int ng = roi.GreyLevelCount;
        // No voxel lies farther from the edge than half the smaller in-plane extent; the 3D bound is never larger.
        int farthest = ((Math.Min(roi.Size.X, roi.Size.Y) + 1) / 2) + 1;
        return new ScopeAggregation(
            roi, settings, Family, Definitions,
            () => new TextureMatrix(ng, farthest),
            (scope, m) =>
            {
                var distance = BorderDistance.Compute(roi, scope);
                foreach (var zone in Zones.Find(roi, scope, distance))
                {
                    m.Counts[((zone.Level - 1) * m.Columns) + zone.Distance - 1]++;
                }

                m.Voxels += Zones.CountVoxels(roi, scope);
            },
            m => ZoneMatrixFeatures.Compute(m)).Compute();
    }
}
