using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A source of voxel feature channels: given an image and a region, it computes one value per region voxel for each
/// of its channels. <c>VoxelFeatureMaps.Compute</c> stacks the channels of several sources into one map.
/// First-order statistics (<see cref="LocalFirstOrderFeatures"/>), the intensity itself (<see cref="IntensityFeature"/>)
/// and precomputed images such as filter responses (<see cref="ImageChannelFeature"/>) implement it; local texture
/// (GLCM and the other IBSI families over a sliding kernel) plugs in the same way.
/// </summary>
public interface IVoxelFeature
{
    /// <summary>Names of the channels, in the order they are written; unique within a map.</summary>
    IReadOnlyList<string> ChannelNames { get; }

    /// <summary>
    /// Writes channel c's value of region voxel v to <c>output[c][v]</c> (linear voxel index of the image grid); other
    /// voxels are left untouched. <paramref name="region"/> is on the image's grid (checked by the caller); the
    /// image and region must not be modified.
    /// </summary>
    void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress);

    /// <summary>
    /// How many voxels along each axis the feature reads around a region voxel (its kernel's half-extent) on
    /// <paramref name="geometry"/>: maps are then computed on the region's bounding box grown by this margin only, with
    /// the same values. Null (the default) when the feature needs the whole image, as a filter response does.
    /// </summary>
    Index3? Margin(ImageGeometry geometry) => null;
}
