using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>The voxel intensity itself as a channel (named "intensity" unless told otherwise).</summary>
public sealed class IntensityFeature(string name = "intensity") : IVoxelFeature
{
    public IReadOnlyList<string> ChannelNames { get; } = [name];

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(output);
        ImageChannelFeature.CopyRegion(image.Channel(0), region.Voxels, output[0].Span);
        progress?.Report(1);
    }

    /// <summary>The voxel itself only.</summary>
    public Index3? Margin(ImageGeometry geometry) => new Index3(0, 0, 0);
}
