using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.VoxelFeatures;

namespace Radiomics.Habitats.Model;

/// <summary>The supervoxels of one scan's region, as two-stage habitats fit and predict them.</summary>
internal static class ScanSupervoxels
{
    /// <summary>
    /// The region voxels (linear indices on the map, memory order) and their supervoxels, computed on the features in
    /// the clustering space (standardised by <paramref name="scaler"/>) and the voxels' physical positions. The seed is
    /// the k-means seed of <paramref name="settings"/> for every scan, so predicting a training scan gives back the
    /// supervoxels it was fitted with.
    /// </summary>
    public static (int[] Voxels, SupervoxelPartition Partition) Compute(
        VoxelFeatureMap map, IReadOnlyList<string> channels, StandardScaler? scaler, HabitatSettings settings)
    {
        var voxels = map.RegionVoxels();
        var x = map.ToMatrix(voxels, channels);
        var geometry = map.Geometry;
        var size = geometry.Size;
        var positions = new double[voxels.Length * 3];
        for (int i = 0; i < voxels.Length; i++)
        {
            int v = voxels[i];
            var p = geometry.IndexToPhysical(v % size.X, v / size.X % size.Y, v / (size.X * size.Y));
            positions[3 * i] = p.X;
            positions[(3 * i) + 1] = p.Y;
            positions[(3 * i) + 2] = p.Z;
        }

        var partition = Supervoxels.Compute(
            scaler?.Transform(x) ?? x,
            new FeatureMatrix(positions, 3),
            geometry.VoxelVolume,
            settings.Supervoxels,
            settings.KMeans.Seed,
            settings.KMeans.MaxDegreeOfParallelism);
        return (voxels, partition);
    }
}
