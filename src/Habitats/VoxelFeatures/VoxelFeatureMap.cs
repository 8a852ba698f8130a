using System.Text.Json;
using Radiomics.Habitats.Clustering;
using Radiomics.Imaging;
using Radiomics.IO;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Voxel-wise features of a region: a multi-channel image (one channel per feature, zero outside the region) on a
/// sub-grid of the scan's grid, usually the region's bounding box plus the kernel margin (same spacing and
/// direction, origin shifted), with the channel names and the region on the same sub-grid. Written as a 4D NIfTI (or NRRD/MetaImage) with the channel
/// names in a JSON sidecar.
/// </summary>
public sealed class VoxelFeatureMap
{
    public VoxelFeatureMap(Image<float> image, IReadOnlyList<string> channelNames, LabelMap region)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(region);
        if (channelNames.Count != image.Components)
        {
            throw new ArgumentException($"{channelNames.Count} channel names for an image with {image.Components} components.", nameof(channelNames));
        }

        if (channelNames.Distinct(StringComparer.Ordinal).Count() != channelNames.Count)
        {
            throw new ArgumentException($"Channel names must be unique: {string.Join(", ", channelNames)}.", nameof(channelNames));
        }

        region.Geometry.EnsureMatches(image.Geometry, "the feature map and its region");
        Image = image;
        ChannelNames = [.. channelNames];
        Region = region;
        _scanGeometry = image.Geometry;
        _offset = new Index3(0, 0, 0);
    }

    private readonly ImageGeometry _scanGeometry;
    private readonly Index3 _offset;

    /// <summary>
    /// The grid of the scan the map was computed from (the map's own grid unless it was cropped); the map must lie on
    /// it (same spacing and direction, inside it).
    /// </summary>
    public ImageGeometry ScanGeometry
    {
        get => _scanGeometry;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var offset = Image.Geometry.OffsetIn(value)
                ?? throw new GeometryMismatchException("the feature map is not on its scan's grid", value, Image.Geometry);
            var size = Image.Geometry.Size;
            if (!new BoundingBox(offset, offset + new Index3(size.X - 1, size.Y - 1, size.Z - 1)).IsInside(value.Size))
            {
                throw new ArgumentOutOfRangeException(nameof(ScanGeometry), $"The feature map ({size} at voxel {offset}) reaches outside its scan's grid {value.Size}.");
            }

            _scanGeometry = value;
            _offset = offset;
        }
    }

    /// <summary>Where the map's first voxel lies on <see cref="ScanGeometry"/>.</summary>
    public Index3 Offset => _offset;

    /// <summary>The linear index on <see cref="ScanGeometry"/> of the map's voxel <paramref name="mapVoxel"/>.</summary>
    public int ScanVoxel(int mapVoxel)
    {
        var size = Image.Geometry.Size;
        int x = mapVoxel % size.X, y = mapVoxel / size.X % size.Y, z = mapVoxel / (size.X * size.Y);
        var scan = _scanGeometry.Size;
        return x + _offset.X + (scan.X * (y + _offset.Y + (scan.Y * (z + _offset.Z))));
    }

    /// <summary>The same map on the whole scan grid (zero outside the map's box): for display or export at full size.</summary>
    public VoxelFeatureMap OnScanGrid()
    {
        if (Image.Geometry.Matches(_scanGeometry))
        {
            return this;
        }

        var image = Image<float>.OnGrid(_scanGeometry, Image);
        var region = new LabelMap(Image<byte>.OnGrid(_scanGeometry, Region.Image));
        return new VoxelFeatureMap(image, ChannelNames, region);
    }

    /// <summary>The channels as components of one image (shared buffer: do not modify).</summary>
    public Image<float> Image { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>The voxels the features were computed for (non-zero).</summary>
    public LabelMap Region { get; }

    public ImageGeometry Geometry => Image.Geometry;

    public ReadOnlySpan<float> Channel(string name) => Image.Channel(IndexOf(name));

    public int IndexOf(string name)
    {
        for (int c = 0; c < ChannelNames.Count; c++)
        {
            if (string.Equals(ChannelNames[c], name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        throw new KeyNotFoundException($"No channel '{name}'; the map has {string.Join(", ", ChannelNames)}.");
    }

    /// <summary>Linear indices of the region voxels, in memory order: the row order of <c>ToMatrix</c>.</summary>
    public int[] RegionVoxels()
    {
        var mask = Region.Voxels;
        int count = 0;
        foreach (var v in mask)
        {
            count += v != 0 ? 1 : 0;
        }

        var result = new int[count];
        for (int i = 0, n = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                result[n++] = i;
            }
        }

        return result;
    }

    /// <summary>One row per region voxel (memory order) and one column per channel (all, or the named ones in that order).</summary>
    public FeatureMatrix ToMatrix(IReadOnlyList<string>? channels = null) => ToMatrix(RegionVoxels(), channels);

    /// <summary>Rows for the given voxels (linear indices) only, e.g. a sub-sample of the region.</summary>
    public FeatureMatrix ToMatrix(ReadOnlySpan<int> voxels, IReadOnlyList<string>? channels = null)
    {
        var columns = channels is null ? Enumerable.Range(0, ChannelNames.Count).ToArray() : channels.Select(IndexOf).ToArray();
        int d = columns.Length;
        var data = new double[voxels.Length * d];
        for (int j = 0; j < d; j++)
        {
            var channel = Image.Channel(columns[j]);
            for (int i = 0; i < voxels.Length; i++)
            {
                data[(i * d) + j] = channel[voxels[i]];
            }
        }

        return new FeatureMatrix(data, d);
    }

    /// <summary>Writes the channels as one multi-component image and their names to <see cref="ChannelsPath"/>.</summary>
    public void Write(string path)
    {
        ImageFile.Write(Image, path);
        AtomicFile.WriteAllText(ChannelsPath(path), JsonSerializer.Serialize(new { channels = ChannelNames }, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>
    /// Reads a map written by <see cref="Write"/>; <paramref name="region"/> says which voxels it covers, on the map's
    /// grid or on the whole scan grid the map was cropped from.
    /// </summary>
    public static VoxelFeatureMap Read(string path, LabelMap region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var image = ImageFile.Read<float>(path);
        string sidecar = ChannelsPath(path);
        if (!File.Exists(sidecar))
        {
            throw new ImageFileException(sidecar, ImageFileProblem.NotFound, "the channel names of the feature map are missing.");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(sidecar));
        var names = doc.RootElement.GetProperty("channels").EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        if (!region.Geometry.Matches(image.Geometry) && image.Geometry.OffsetIn(region.Geometry) is { } offset)
        {
            var size = image.Geometry.Size;
            var box = new BoundingBox(offset, offset + new Index3(size.X - 1, size.Y - 1, size.Z - 1));
            if (box.IsInside(region.Geometry.Size))
            {
                return new VoxelFeatureMap(image, names, region.Crop(box)) { ScanGeometry = region.Geometry };
            }
        }

        return new VoxelFeatureMap(image, names, region);
    }

    /// <summary>The sidecar beside an image path: "map.nii.gz" → "map.channels.json".</summary>
    public static string ChannelsPath(string imagePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        string stem = imagePath.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? imagePath[..^7] : Path.ChangeExtension(imagePath, null);
        return stem + ".channels.json";
    }
}
