namespace Radiomics.Habitats.Model;

/// <summary>How a <see cref="HabitatModel"/> clusters a cohort into habitats.</summary>
public enum HabitatStrategy
{
    /// <summary>Population k-means on the pooled voxels; every voxel goes to its nearest population centre.</summary>
    OneStage,

    /// <summary>
    /// HABIT's and the MD Anderson pipeline's two stages: per scan, supervoxels (k-means on the standardised voxel
    /// features plus scaled coordinates, <see cref="Clustering.Supervoxels"/>); then population k-means on the
    /// supervoxels' feature means. A scan is predicted the same way: its supervoxels first, then each supervoxel (all
    /// its voxels) to the nearest population centre.
    /// </summary>
    TwoStage,
}
