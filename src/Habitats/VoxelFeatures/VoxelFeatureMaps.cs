using Radiomics.Features;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Computes the channels of several <see cref="IVoxelFeature"/> sources over a region into one map. The map covers the
/// region's bounding box grown by the sources' kernel margins (<see cref="IVoxelFeature.Margin"/>), at the same
/// physical place (origin shifted, same spacing and direction): memory follows the region, not the scan.
/// </summary>
public static class VoxelFeatureMaps
{
    /// <param name="image">The scan (first component used).</param>
    /// <param name="mask">Region: voxels carrying <paramref name="label"/>, or every non-zero voxel when null.</param>
    /// <param name="features">Channel sources, stacked in this order.</param>
    /// <param name="label">Which label of <paramref name="mask"/> is the region.</param>
    /// <param name="progress">Fraction done, 0..1.</param>
    public static VoxelFeatureMap Compute(Image<float> image, LabelMap mask, IReadOnlyList<IVoxelFeature> features, byte? label = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("Give at least one voxel feature.", nameof(features));
        }

        mask.Geometry.EnsureMatches(image.Geometry, "the image and its mask");
        if (mask.BoundingBox(label) is not { } regionBox)
        {
            throw new EmptyRoiException(label is { } lab ? $"the mask has no voxel with label {lab}." : "the mask is empty: no voxel carries a non-zero label.");
        }

        var names = features.SelectMany(f => f.ChannelNames).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Channel '{duplicate.Key}' is produced twice; give the sources distinct prefixes.", nameof(features));
        }

        // Only the region's box grown by the largest kernel margin is read, so only it is copied and mapped.
        var box = Box(image.Geometry, regionBox, features);
        var whole = box == BoundingBox.Whole(image.Geometry.Size);
        var scalar = whole && image.Components == 1 ? image : ChannelZero(image, box);
        var cropped = whole ? mask : mask.Crop(box);
        var region = label is { } l ? cropped.Select(l) : Binary(cropped);
        int voxels = scalar.VoxelCount;
        var data = new float[(long)voxels * names.Length];
        int channel = 0;
        for (int f = 0; f < features.Count; f++)
        {
            int count = features[f].ChannelNames.Count;
            var buffers = new Memory<float>[count];
            for (int c = 0; c < count; c++)
            {
                // Planar layout: channel c of the result is one contiguous slice of the buffer.
                buffers[c] = new Memory<float>(data, (channel + c) * voxels, voxels);
            }

            int index = f;
            var inner = progress is null ? null : new SynchronousProgress<double>(p => progress.Report((index + p) / features.Count));
            features[f].Compute(scalar, region, buffers, inner);
            channel += count;
        }

        progress?.Report(1);
        return new VoxelFeatureMap(new Image<float>(scalar.Geometry, data, names.Length), names, region) { ScanGeometry = image.Geometry };
    }

    /// <summary>
    /// The part of the image grid a map needs: <paramref name="regionBox"/> grown by every feature's margin (clipped to
    /// the image), or the whole grid when a feature needs it.
    /// </summary>
    public static BoundingBox Box(ImageGeometry geometry, BoundingBox regionBox, IReadOnlyList<IVoxelFeature> features)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(features);
        var margin = new Index3(0, 0, 0);
        foreach (var feature in features)
        {
            if (feature.Margin(geometry) is not { } m)
            {
                return BoundingBox.Whole(geometry.Size);
            }

            margin = new Index3(Math.Max(margin.X, m.X), Math.Max(margin.Y, m.Y), Math.Max(margin.Z, m.Z));
        }

        return regionBox.Pad(margin, geometry.Size);
    }

    /// <summary>The first component inside <paramref name="box"/>, at the same physical place.</summary>
    private static Image<float> ChannelZero(Image<float> image, BoundingBox box)
    {
        var geometry = image.Geometry.Crop(box);
        var src = image.Channel(0);
        var dst = new float[geometry.VoxelCount];
        var size = box.Size;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                src.Slice(image.LinearIndex(box.Min.X, box.Min.Y + y, box.Min.Z + z), size.X).CopyTo(dst.AsSpan(size.X * (y + size.Y * z), size.X));
            }
        }

        return new Image<float>(geometry, dst);
    }

    private static LabelMap Binary(LabelMap mask)
    {
        var src = mask.Voxels;
        var dst = new byte[mask.Geometry.VoxelCount];
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] != 0 ? (byte)1 : (byte)0;
        }

        return new LabelMap(new Image<byte>(mask.Geometry, dst));
    }
}
