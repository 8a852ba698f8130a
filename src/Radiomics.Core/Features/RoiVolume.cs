using Radiomics.Imaging;

namespace Radiomics.Features;

/// <summary>
/// A region of interest after preprocessing (resampling, re-segmentation) but before discretisation: the intensities
/// of every voxel of a grid around the ROI and the two IBSI masks on that grid. The grid keeps its physical placement
/// (<see cref="Geometry"/>), so morphology can work in millimetres.
/// </summary>
public sealed class RoiVolume
{
    private readonly double[] _intensities;
    private readonly bool[] _morphological;
    private readonly bool[] _intensity;

    /// <param name="geometry">The grid (usually the ROI bounding box, possibly with a margin).</param>
    /// <param name="intensities">Intensity of every grid voxel, inside or outside the masks.</param>
    /// <param name="morphologicalMask">The ROI before intensity re-segmentation (IBSI morphological mask).</param>
    /// <param name="intensityMask">The ROI after re-segmentation (IBSI intensity mask); a subset of the morphological mask in practice.</param>
    public RoiVolume(ImageGeometry geometry, double[] intensities, bool[] morphologicalMask, bool[] intensityMask)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(intensities);
        ArgumentNullException.ThrowIfNull(morphologicalMask);
        ArgumentNullException.ThrowIfNull(intensityMask);
        long n = geometry.VoxelCount;
        if (intensities.LongLength != n || morphologicalMask.LongLength != n || intensityMask.LongLength != n)
        {
            throw new ArgumentException(
                $"A {geometry.Size} grid needs {n} values; got {intensities.Length} intensities and masks of {morphologicalMask.Length} and {intensityMask.Length}.");
        }

        Geometry = geometry;
        _intensities = intensities;
        _morphological = morphologicalMask;
        _intensity = intensityMask;
    }

    public ImageGeometry Geometry { get; }

    public ReadOnlySpan<double> Intensities => _intensities;

    public ReadOnlySpan<bool> MorphologicalMask => _morphological;

    public ReadOnlySpan<bool> IntensityMask => _intensity;
}
