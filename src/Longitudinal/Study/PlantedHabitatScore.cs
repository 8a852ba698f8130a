using Radiomics.Habitats.Clustering;
using Radiomics.IO;

namespace Radiomics.Longitudinal.Study;

/// <summary>How well a habitat map recovers a planted one (<see cref="SyntheticMultiChannelCohort"/>'s truth).</summary>
public static class PlantedHabitatScore
{
    /// <summary>
    /// The adjusted Rand index of <paramref name="habitatMapPath"/> against the planted map, over the planted tumour
    /// voxels the map labels; the map is sampled at the planted map's voxel centres (nearest voxel), whatever its grid.
    /// </summary>
    /// <param name="plantedMapPath">The planted habitat map (labels 1..k, 0 outside the tumour).</param>
    /// <param name="habitatMapPath">The habitat map found (labels 1..k, 0 outside the region).</param>
    /// <returns>The index and the fraction of the planted tumour the map labels.</returns>
    public static (double AdjustedRandIndex, double Coverage) Compute(string plantedMapPath, string habitatMapPath)
    {
        var planted = ImageFile.ReadLabelMap(plantedMapPath);
        var map = ImageFile.ReadLabelMap(habitatMapPath);
        var (expected, found) = (new List<int>(), new List<int>());
        long tumour = 0;
        var size = planted.Geometry.Size;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    if (planted[x, y, z] == 0)
                    {
                        continue;
                    }

                    tumour++;
                    var index = map.Geometry.PhysicalToNearestIndex(planted.Geometry.IndexToPhysical(x, y, z));
                    if (map.Geometry.Contains(index) && map[index.X, index.Y, index.Z] != 0)
                    {
                        expected.Add(planted[x, y, z]);
                        found.Add(map[index.X, index.Y, index.Z]);
                    }
                }
            }
        }

        return expected.Count == 0 ? (double.NaN, 0) : (ClusteringMetrics.AdjustedRandScore([.. expected], [.. found]), (double)expected.Count / tumour);
    }
}
