using Radiomics.Features;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>Computes the channels of several <see cref="IVoxelFeature"/> sources over a region into one map.</summary>
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
        var region = label is { } l ? mask.Select(l) : Binary(mask);
        if (region.BoundingBox() is null)
        {
            throw new EmptyRoiException(label is { } lab ? $"the mask has no voxel with label {lab}." : "the mask is empty: no voxel carries a non-zero label.");
        }

        var names = features.SelectMany(f => f.ChannelNames).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Channel '{duplicate.Key}' is produced twice; give the sources distinct prefixes.", nameof(features));
        }

        int voxels = image.VoxelCount;
        var data = new float[(long)voxels * names.Length];
        var scalar = image.Components == 1 ? image : new Image<float>(image.Geometry, image.Channel(0).ToArray());
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
        return new VoxelFeatureMap(new Image<float>(image.Geometry, data, names.Length), names, region);
    }

    private static LabelMap Binary(LabelMap mask)
    {
        var result = new Image<byte>(mask.Geometry);
        var src = mask.Voxels;
        var dst = result.Voxels;
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] != 0 ? (byte)1 : (byte)0;
        }

        return new LabelMap(result);
    }
}
