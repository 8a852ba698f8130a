using Radiomics.Features;
using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>
/// Runs the IBSI 1 image processing chain (chapter 2) on an image and ROI mask: optional input rounding,
/// interpolation of image and mask onto the IBSI grid (mask binarised with the partial volume threshold),
/// re-segmentation into the intensity mask, and the grids the families need. Only the part of the image around the
/// ROI is processed.
/// </summary>
public static class RoiPreprocessing
{
    /// <summary>
    /// Processes the ROI made of every non-zero voxel of <paramref name="mask"/> (select a label first with
    /// <see cref="LabelMap.Select"/>). Non-finite intensities leave the intensity mask when no interpolation is asked
    /// for; with interpolation they would spread, so they are an error.
    /// </summary>
    /// <exception cref="GeometryMismatchException">The mask is not on the image's grid.</exception>
    /// <exception cref="EmptyRoiException">The mask is empty, or interpolation or re-segmentation leaves no voxel.</exception>
    /// <exception cref="ArgumentException">Invalid settings, a multi-component image, or non-finite intensities that interpolation would spread.</exception>
    public static PreprocessedRoi Run(Image image, LabelMap mask, FeatureSettings settings) => Run(image, mask, settings, null);

    /// <summary>
    /// The ROI of a response map (IBSI 2 chain): the image is interpolated as for the original, the masks come from
    /// the original intensities (re-segmentation included), and <paramref name="filter"/> is applied to the whole
    /// interpolated image (not a crop, so boundary conditions act at the image border as the manual prescribes); the
    /// ROI then holds the response. Discretisation of the response ignores the re-segmentation range.
    /// </summary>
    public static PreprocessedRoi Run(Image image, LabelMap mask, FeatureSettings settings, Filters.IImageFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (image.Components != 1)
        {
            throw new ArgumentException($"Features need a scalar image; this one has {image.Components} components.", nameof(image));
        }

        image.Geometry.EnsureMatches(mask.Geometry, "The mask is not on the image's grid");
        var maskBox = mask.BoundingBox() ?? throw new EmptyRoiException("The mask is empty: no voxel carries a non-zero label.");
        if (settings.BiasFieldCorrection is { } n4)
        {
            image = BiasField.N4BiasFieldCorrection.Apply(image, settings: n4).Corrected;
        }

        if (settings.Normalisation is { IsNone: false } normalisation)
        {
            image = Normalisation.IntensityNormalisation.Apply(image, normalisation, mask);
        }

        ImageGeometry geometry;
        double[] intensities;
        bool[] morphological;
        Func<double[]>? response = null;
        if (settings.Resampling is not { } rs)
        {
            var box = maskBox.Pad(Margin(image.Geometry.Spacing), image.Geometry.Size);
            if (filter is not null)
            {
                response = () =>
                {
                    var whole = VoxelBlock.ToDouble(image, BoundingBox.Whole(image.Geometry.Size));
                    if (settings.RoundInputIntensities)
                    {
                        RoundInPlace(whole);
                    }

                    return Crop(filter.Apply(new Image<double>(image.Geometry, whole)), box);
                };
            }

            geometry = image.Geometry.Crop(box);
            intensities = VoxelBlock.ToDouble(image, box);
            if (settings.RoundInputIntensities)
            {
                RoundInPlace(intensities);
            }

            var m = VoxelBlock.Mask(mask, box);
            morphological = Array.ConvertAll(m, v => v != 0);
        }
        else
        {
            var target = Resample.Grid(image.Geometry, rs.Spacing, rs.InPlaneOnly);
            var covering = Resample.TargetBoxCovering(image.Geometry, target, maskBox, reach: 2)
                ?? throw new EmptyRoiException("The mask lies outside the resampled grid.");
            var resampledMask = Resample.MaskBlock(mask, target, covering, rs);
            var inner = Discretise.MaskBox(resampledMask, covering.Size)
                ?? throw new EmptyRoiException($"No voxel of the mask reaches the partial volume threshold {rs.PartialVolumeThreshold} after resampling to {rs.Spacing} mm.");
            var roiBox = new BoundingBox(covering.Min + inner.Min, covering.Min + inner.Max);
            var box = roiBox.Pad(Margin(target.Spacing), target.Size);
            geometry = target.Crop(box);
            intensities = Resample.ImageValues(image, target, box, rs, settings.RoundInputIntensities);
            morphological = Place(resampledMask, covering, box);
            if (filter is not null)
            {
                response = () => Crop(filter.Apply(new Image<double>(target, Resample.ImageValues(image, target, BoundingBox.Whole(target.Size), rs, settings.RoundInputIntensities, refuseNonFinite: true))), box);
            }
        }

        var range = Resegment.Range(intensities, morphological, settings.Resegmentation);
        var intensityMask = Resegment.IntensityMask(intensities, morphological, settings.Resegmentation);
        if (Array.IndexOf(intensityMask, true) < 0)
        {
            throw new EmptyRoiException(
                $"No ROI voxel has an intensity in the re-segmentation range [{range.Minimum}, {range.Maximum}] (or every ROI intensity is non-finite).");
        }

        if (response is not null)
        {
            intensities = response();
            range = (double.NegativeInfinity, double.PositiveInfinity);
        }

        return new PreprocessedRoi(new RoiVolume(geometry, intensities, morphological, intensityMask), settings, range);
    }

    private static double[] Crop(Image<double> image, BoundingBox box) => VoxelBlock.ToDouble(image, box);

    /// <summary>Voxels per axis that hold the local-intensity sphere, at least one so the ROI never touches the grid edge.</summary>
    private static Index3 Margin(Vec3 spacing)
    {
        int M(double s) => Math.Max(1, (int)Math.Ceiling(LocalIntensity.SphereRadius / s));
        return new Index3(M(spacing.X), M(spacing.Y), M(spacing.Z));
    }

    private static void RoundInPlace(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(values[i], MidpointRounding.ToEven);
        }
    }

    /// <summary>Copies a mask given on box <paramref name="from"/> onto box <paramref name="to"/> of the same grid (false where it has no value).</summary>
    private static bool[] Place(bool[] values, BoundingBox from, BoundingBox to)
    {
        var fs = from.Size;
        var ts = to.Size;
        var result = new bool[ts.Count];
        for (int z = Math.Max(from.Min.Z, to.Min.Z); z <= Math.Min(from.Max.Z, to.Max.Z); z++)
        {
            for (int y = Math.Max(from.Min.Y, to.Min.Y); y <= Math.Min(from.Max.Y, to.Max.Y); y++)
            {
                for (int x = Math.Max(from.Min.X, to.Min.X); x <= Math.Min(from.Max.X, to.Max.X); x++)
                {
                    result[(x - to.Min.X) + ts.X * ((y - to.Min.Y) + ts.Y * (z - to.Min.Z))] =
                        values[(x - from.Min.X) + fs.X * ((y - from.Min.Y) + fs.Y * (z - from.Min.Z))];
                }
            }
        }

        return result;
    }
}
