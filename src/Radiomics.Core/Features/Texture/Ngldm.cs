namespace Radiomics.Features.Texture;

/// <summary>Neighbouring grey level dependence matrix (NGLDM) features, IBSI family REK0.</summary>
public static class Ngldm
{
    public const string Family = "ngldm";

    /// <summary>Names and codes, in <see cref="ZoneMatrixFeatures"/> order followed by the dependence count energy.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("Low dependence emphasis", "SODN"),
        new("High dependence emphasis", "IMOQ"),
        new("Low grey level count emphasis", "TL9H"),
        new("High grey level count emphasis", "OAE7"),
        new("Low dependence low grey level emphasis", "EQ3F"),
        new("Low dependence high grey level emphasis", "JA6D"),
        new("High dependence low grey level emphasis", "NBZI"),
        new("High dependence high grey level emphasis", "9QMG"),
        new("Grey level non-uniformity", "FP8K"),
        new("Normalised grey level non-uniformity", "5SPA"),
        new("Dependence count non-uniformity", "Z87G"),
        new("Normalised dependence count non-uniformity", "OKJI"),
        new("Dependence count percentage", "6XV8"),
        new("Grey level variance", "1PFV"),
        new("Dependence count variance", "DNX2"),
        new("Dependence count entropy", "FCBV"),
        new("Dependence count energy", "CAS9"),
    ];

    /// <summary>
    /// The 17 features (in <see cref="Definitions"/> order) of one matrix (row = grey level − 1, column = dependence − 1,
    /// <see cref="TextureMatrix.Voxels"/> = the voxels it covers); local texture maps fill one per neighbourhood.
    /// </summary>
    public static double[] FromMatrix(TextureMatrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return ZoneMatrixFeatures.Compute(m, withEnergy: true);
    }

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    /// <remarks>
    /// Dependence j of a voxel: 1 plus its ROI neighbours within Chebyshev distance δ whose grey level differs by at
    /// most the coarseness α (IBSI 3.11; every ROI voxel counts, so N_s = N_v).
    /// </remarks>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        int ng = roi.GreyLevelCount, delta = settings.Distance, alpha = settings.NgldmCoarseness;
        int most = ((2 * delta) + 1) * ((2 * delta) + 1) * ((2 * delta) + 1);
        return new ScopeAggregation(
            roi, settings, Family, Definitions,
            () => new TextureMatrix(ng, most),
            (scope, m) =>
            {
                var counts = m.Counts;
                int columns = m.Columns;
                Neighbourhood.ForEach(roi, scope, delta, (level, neighbours) =>
                {
                    int dependence = 1;
                    foreach (var l in neighbours)
                    {
                        dependence += Math.Abs(l - level) <= alpha ? 1 : 0;
                    }

                    counts[((level - 1) * columns) + dependence - 1]++;
                });
                m.Voxels += Zones.CountVoxels(roi, scope);
            },
            m => ZoneMatrixFeatures.Compute(m, withEnergy: true)).Compute();
    }
}
