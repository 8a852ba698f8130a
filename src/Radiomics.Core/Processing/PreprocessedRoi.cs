using Radiomics.Features;

namespace Radiomics.Processing;

/// <summary>
/// An ROI after the IBSI image processing steps, ready for every feature family: the <see cref="RoiVolume"/>
/// (intensities and both masks on a grid around the ROI), the discretised volume for texture and intensity
/// histogram, and the intensity-volume histogram input. The last two are computed on first use.
/// </summary>
public sealed class PreprocessedRoi
{
    private readonly Lazy<DiscretisedVolume> _discretised;
    private readonly Lazy<IntensityVolumeHistogramData> _ivh;
    private readonly double[] _roiIntensities;

    internal PreprocessedRoi(RoiVolume roi, FeatureSettings settings, (double Minimum, double Maximum) resegmentationRange)
    {
        Roi = roi;
        Settings = settings;
        ResegmentationRange = resegmentationRange;
        var values = roi.Intensities;
        var mask = roi.IntensityMask;
        var list = new List<double>();
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i])
            {
                list.Add(values[i]);
            }
        }

        _roiIntensities = [.. list];
        // A response map's ROI carries an unbounded range: the re-segmentation bounds are HU of the original image and
        // must not anchor the discretisation of filtered intensities.
        double? lower = double.IsFinite(resegmentationRange.Minimum) ? settings.Resegmentation.Minimum : null;
        double? upper = double.IsFinite(resegmentationRange.Maximum) ? settings.Resegmentation.Maximum : null;
        _discretised = new(() => Discretise.Volume(roi, settings.Discretisation, lower));
        _ivh = new(() => Discretise.ForIntensityVolumeHistogram(_roiIntensities, settings.IntensityVolumeHistogram, lower, upper));
    }

    /// <summary>Intensities and masks on the grid around the ROI (margin of the local-intensity sphere radius, clipped to the image).</summary>
    public RoiVolume Roi { get; }

    /// <summary>The settings this ROI was processed with.</summary>
    public FeatureSettings Settings { get; }

    /// <summary>The closed interval the re-segmentation kept (±∞ for open ends).</summary>
    public (double Minimum, double Maximum) ResegmentationRange { get; }

    /// <summary>Intensities of the voxels in the intensity mask (X_gl), in grid order.</summary>
    public ReadOnlySpan<double> RoiIntensities => _roiIntensities;

    /// <summary>Grey levels of the intensity mask on the bounding box of the morphological mask.</summary>
    public DiscretisedVolume Discretised => _discretised.Value;

    /// <summary>X_d,gl, w_d and G for the intensity-volume histogram.</summary>
    public IntensityVolumeHistogramData IntensityVolumeHistogram => _ivh.Value;
}
