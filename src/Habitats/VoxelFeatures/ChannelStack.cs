using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The voxel feature maps of several channels of one scan (sequences or parametric maps on one grid, over one region)
/// stacked into one map, each channel's feature names prefixed by its ID: "T2.intensity", "ADC.mean_box1vox".
/// </summary>
public static class ChannelStack
{
    /// <summary>Stacks <paramref name="maps"/> (computed over the same region on the same grid) with the given channel IDs.</summary>
    /// <param name="channels">Channel IDs, one per map, unique.</param>
    /// <param name="maps">The maps, in the order of <paramref name="channels"/>.</param>
    public static VoxelFeatureMap Stack(IReadOnlyList<string> channels, IReadOnlyList<VoxelFeatureMap> maps)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count == 0 || channels.Count != maps.Count)
        {
            throw new ArgumentException($"{channels.Count} channel IDs for {maps.Count} maps; give one ID per map, at least one.", nameof(channels));
        }

        var first = maps[0];
        var names = new List<string>();
        int voxels = first.Image.VoxelCount;
        int total = maps.Sum(m => m.ChannelNames.Count);
        var data = new float[(long)voxels * total];
        int at = 0;
        for (int m = 0; m < maps.Count; m++)
        {
            var map = maps[m];
            map.Geometry.EnsureMatches(first.Geometry, $"the feature maps of channels '{channels[0]}' and '{channels[m]}'");
            for (int c = 0; c < map.ChannelNames.Count; c++)
            {
                map.Image.Channel(c).CopyTo(data.AsSpan(at * voxels, voxels));
                names.Add($"{channels[m]}.{map.ChannelNames[c]}");
                at++;
            }
        }

        return new VoxelFeatureMap(new Image<float>(first.Geometry, data, total), names, first.Region) { ScanGeometry = first.ScanGeometry };
    }
}
