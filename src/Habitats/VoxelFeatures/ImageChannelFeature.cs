using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A precomputed image on the same grid as a channel: a filter response (LoG, Laws, Gabor, wavelet, …), a parametric
/// map (ADC, SUV) or a registered other sequence. The grid is checked when the map is computed.
/// </summary>
public sealed class ImageChannelFeature : IVoxelFeature
{
    private readonly Image<float> _channel;

    public ImageChannelFeature(string name, Image<float> channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Components != 1)
        {
            throw new ArgumentException($"Channel '{name}' has {channel.Components} components; give one image per channel.", nameof(channel));
        }

        _channel = channel;
        ChannelNames = [name];
    }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>The voxel itself only.</summary>
    public Index3? Margin(ImageGeometry geometry) => new Index3(0, 0, 0);

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(output);
        var channel = _channel;
        if (!channel.Geometry.Matches(image.Geometry) && image.Geometry.OffsetIn(channel.Geometry) is { } offset)
        {
            // A map cropped to its region's box: the same voxels of the channel.
            var size = image.Geometry.Size;
            var box = new BoundingBox(offset, offset + new Index3(size.X - 1, size.Y - 1, size.Z - 1));
            if (box.IsInside(channel.Geometry.Size))
            {
                channel = channel.Crop(box);
            }
        }

        channel.Geometry.EnsureMatches(image.Geometry, $"channel '{ChannelNames[0]}' and the image");
        CopyRegion(channel.Voxels, region.Voxels, output[0].Span);
        progress?.Report(1);
    }

    /// <summary>Copies the values of the region's voxels (mask non-zero) from <paramref name="source"/> to <paramref name="target"/>.</summary>
    internal static void CopyRegion(ReadOnlySpan<float> source, ReadOnlySpan<byte> mask, Span<float> target)
    {
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                target[i] = source[i];
            }
        }
    }
}
