using Radiomics.Filters;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The response of an IBSI 2 filter or PyRadiomics image type (any <see cref="ImageType"/>, the same records the
/// feature extractor takes) as a channel: the whole image is filtered, so boundary conditions act at the image border,
/// and the response is kept at the region's voxels. Channel name: the image type's name (e.g. <c>log-sigma-3mm</c>).
/// </summary>
public sealed class FilteredImageFeature : IVoxelFeature
{
    public FilteredImageFeature(ImageType imageType, string channelPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(imageType);
        imageType.Settings().Validate();
        ImageType = imageType;
        ChannelNames = [channelPrefix + imageType.ImageTypeName()];
    }

    public FilteredImageFeature(FilterSettings filter, string channelPrefix = "")
        : this(ImageType.Of(filter), channelPrefix)
    {
    }

    public ImageType ImageType { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(output);
        var response = ImageType.Apply(image.ConvertTo<double>()).ConvertTo<float>();
        ImageChannelFeature.CopyRegion(response.Voxels, region.Voxels, output[0].Span);
        progress?.Report(1);
    }
}
