using System.Diagnostics;
using System.Text.Json;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.IO;

/// <summary>
/// Voxel maps of a real scan and mask (e.g. PyRadiomics' brain1) with the study's default sources (intensity, local
/// first-order statistics, local GLCM): median time and the bytes one map allocates, after a warm-up.
/// usage: dotnet run -c Release --project bench/VoxelMapBench -- --scan IMAGE MASK [RUNS]
/// </summary>
internal static class ScanBench
{
    public static void Run(string imagePath, string maskPath, int runs)
    {
        var image = ImageFile.Read<float>(imagePath);
        var mask = ImageFile.ReadLabelMap(maskPath);
        IVoxelFeature[] features = [new IntensityFeature(), new LocalFirstOrderFeatures(), new LocalGlcmFeatures()];
        var map = VoxelFeatureMaps.Compute(image, mask, features);
        var times = new List<double>();
        long allocated = 0;
        for (int r = 0; r < runs; r++)
        {
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            map = VoxelFeatureMaps.Compute(image, mask, features);
            times.Add(sw.Elapsed.TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        times.Sort();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scan"] = Path.GetFileName(imagePath),
            ["image_voxels"] = image.VoxelCount,
            ["region_voxels"] = map.RegionVoxels().Length,
            ["map_grid"] = map.Geometry.Size.ToString(),
            ["channels"] = map.ChannelNames.Count,
            ["threads"] = Environment.ProcessorCount,
            ["median_seconds"] = Math.Round(times[times.Count / 2], 4),
            ["allocated_mb"] = Math.Round(allocated / 1e6, 1),
            ["map_mb"] = Math.Round(map.Image.VoxelCount * (double)map.Image.Components * sizeof(float) / 1e6, 1),
        }));
    }
}
