namespace Radiomics.Habitats.Clustering;

/// <summary>Settings of <see cref="Supervoxels.Compute"/>, the first stage of two-stage habitats.</summary>
public sealed record SupervoxelSettings
{
    /// <summary>Supervoxels per scan (default 50, HABIT's default); a scan with fewer region voxels gets one per voxel.</summary>
    public int Count { get; init; } = 50;

    /// <summary>
    /// Weight of space against features, SLIC's compactness m (default 5): coordinates enter as
    /// position × m / S, with S = (region volume / <see cref="Count"/>)^(1/3) the expected supervoxel size in mm, so a
    /// step of one supervoxel size weighs as much as m standard deviations of a feature. 0 clusters on features alone.
    /// Compact supervoxels average noise: on <see cref="Model.HabitatPhantom"/> (50 supervoxels, standardised intensity and
    /// local mean, sd, median) the silhouette of the supervoxel means finds the three planted habitats for m = 3 and 5
    /// in both layouts, but picks 5–6 habitats for m ≤ 1, where supervoxels follow the noise of the heterogeneous region.
    /// </summary>
    public double Compactness { get; init; } = 5;

    /// <summary>k-means restarts per scan (default 1: k-means++ seeding is enough for over-segmentation).</summary>
    public int NInit { get; init; } = 1;

    /// <summary>k-means iterations per restart (default 100).</summary>
    public int MaxIter { get; init; } = 100;

    internal void Validate()
    {
        SettingCheck.Require(Count >= 1, nameof(Count), Count, "it must be at least 1");
        SettingCheck.Require(Compactness >= 0 && double.IsFinite(Compactness), nameof(Compactness), Compactness, "it must be finite and not negative");
        SettingCheck.Require(NInit >= 1, nameof(NInit), NInit, "it must be at least 1");
        SettingCheck.Require(MaxIter >= 1, nameof(MaxIter), MaxIter, "it must be at least 1");
    }
}
