namespace Radiomics.Habitats.Clustering;

/// <summary>Supervoxels of one scan: the supervoxel of every row (0..Count − 1), and each supervoxel's feature mean and size.</summary>
/// <param name="Labels">Supervoxel of each input row.</param>
/// <param name="Means">One row per supervoxel: the mean of its rows' features (coordinates excluded).</param>
/// <param name="Sizes">Rows in each supervoxel.</param>
public sealed record SupervoxelPartition(int[] Labels, FeatureMatrix Means, int[] Sizes)
{
    /// <summary>Number of (non-empty) supervoxels.</summary>
    public int Count => Sizes.Length;
}
