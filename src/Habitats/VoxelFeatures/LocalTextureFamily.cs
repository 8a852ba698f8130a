using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// What the local texture families that build a matrix per neighbourhood box (NGTDM, NGLDM, GLRLM, GLSZM) share: their
/// <see cref="LocalTextureSettings"/>, channels named from the IBSI definitions, the kernel margin and the discretised
/// grid of the voxels that can enter a box. Each value of a family's map equals the whole-region feature (same IBSI
/// family, the settings' aggregation, by default "3D") of the region voxel's neighbourhood box with the same discretised grey levels,
/// the box taken as the ROI.
/// </summary>
public abstract class LocalTextureFamily : IVoxelFeature
{
    private protected LocalTextureFamily(LocalTextureSettings? settings, IReadOnlyList<FeatureDefinition> definitions, string family)
    {
        Settings = settings ?? new LocalTextureSettings();
        (FeatureIndex, var names) = LocalTextureMaps.Channels(definitions, Settings, family);
        ChannelNames = names;
    }

    public LocalTextureSettings Settings { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Index into the family's feature vector of each channel.</summary>
    private protected int[] FeatureIndex { get; }

    /// <summary>The box kernel's half-widths (0 along z for 2D aggregations; neighbours outside the kernel never enter).</summary>
    public Index3? Margin(ImageGeometry geometry) => Settings.Margin;

    public abstract void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress);

    /// <summary>Grey levels of the voxels that can enter a neighbourhood, as for local GLCM.</summary>
    internal LocalGlcmFeatures.LevelGrid Discretised(Image<float> image, LabelMap region, BoundingBox box) => Settings.Discretised(image, region, box);
}
