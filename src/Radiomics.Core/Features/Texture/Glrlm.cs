namespace Radiomics.Features.Texture;

/// <summary>Grey level run length matrix (GLRLM) features, IBSI family TP0I.</summary>
public static class Glrlm
{
    public const string Family = "glrlm";

    /// <summary>Names and codes, in <see cref="ZoneMatrixFeatures"/> order.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("Short runs emphasis", "22OV"),
        new("Long runs emphasis", "W4KF"),
        new("Low grey level run emphasis", "V3SW"),
        new("High grey level run emphasis", "G3QZ"),
        new("Short run low grey level emphasis", "HTZT"),
        new("Short run high grey level emphasis", "GD3A"),
        new("Long run low grey level emphasis", "IVPO"),
        new("Long run high grey level emphasis", "3KUM"),
        new("Grey level non-uniformity", "R5YN"),
        new("Normalised grey level non-uniformity", "OVBL"),
        new("Run length non-uniformity", "W92Y"),
        new("Normalised run length non-uniformity", "IC23"),
        new("Run percentage", "9ZK5"),
        new("Grey level variance", "8CE5"),
        new("Run length variance", "SXLW"),
        new("Run entropy", "HJ9O"),
    ];

    /// <summary>The family's features for every aggregation requested in <paramref name="settings"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);
        int ng = roi.GreyLevelCount;
        int longest = Math.Max(roi.Size.X, Math.Max(roi.Size.Y, roi.Size.Z));
        return new DirectionalAggregation(
            roi, settings, Family, Definitions,
            () => new TextureMatrix(ng, longest),
            (offset, scope, m) => Accumulate(roi, offset, scope, m),
            m => ZoneMatrixFeatures.Compute(m)).Compute();
    }

    /// <summary>
    /// Counts the runs (maximal lines of equal grey level inside the ROI along <paramref name="offset"/>) within
    /// <paramref name="scope"/>: a voxel starts a run when the voxel one step back is outside the ROI, the grid, the
    /// scope or has another level. N_v is Σ j·r_ij, every ROI voxel lying in exactly one run.
    /// </summary>
    private static void Accumulate(DiscretisedVolume roi, VoxelOffset offset, TextureScope scope, TextureMatrix m)
    {
        var levels = roi.Levels;
        int nx = roi.Size.X, ny = roi.Size.Y;
        int columns = m.Columns;
        for (int z = scope.ZFrom; z < scope.ZTo; z++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++)
                {
                    int level = levels[x + (nx * (y + (ny * z)))];
                    if (level == 0 || LevelAt(roi, scope, x - offset.X, y - offset.Y, z - offset.Z) == level)
                    {
                        continue;
                    }

                    int length = 1;
                    while (LevelAt(roi, scope, x + (length * offset.X), y + (length * offset.Y), z + (length * offset.Z)) == level)
                    {
                        length++;
                    }

                    m.Counts[((level - 1) * columns) + length - 1]++;
                    m.Voxels += length;
                }
            }
        }
    }

    private static int LevelAt(DiscretisedVolume roi, TextureScope scope, int x, int y, int z) =>
        (uint)x < (uint)roi.Size.X && (uint)y < (uint)roi.Size.Y && z >= scope.ZFrom && z < scope.ZTo ? roi[x, y, z] : 0;
}
