using Radiomics.Imaging;

namespace Radiomics.Processing.Normalisation;

/// <summary>
/// Applies a <see cref="NormalisationSettings"/> to a scan: the region's statistics or landmarks are measured, and
/// every voxel of the image is mapped with them (so the whole image, not only the region, is on the common scale).
/// </summary>
public static class IntensityNormalisation
{
    /// <summary>
    /// The normalised image (32-bit floating point, same grid). <paramref name="roi"/> and
    /// <paramref name="reference"/> are needed only when the settings' region is the ROI or a reference region.
    /// </summary>
    /// <param name="image">The scan (scalar, any voxel type).</param>
    /// <param name="settings">The normalisation.</param>
    /// <param name="roi">The ROI mask on the image's grid.</param>
    /// <param name="reference">The reference-region mask on the image's grid.</param>
    /// <param name="scan">How errors name the scan (file, or subject and time point).</param>
    /// <exception cref="InvalidInputException">The region is missing, empty or has a single intensity, or a Nyúl standardisation is not fitted; the message names <paramref name="scan"/>.</exception>
    public static Image<float> Apply(Image image, NormalisationSettings settings, LabelMap? roi = null, LabelMap? reference = null, string scan = "the image")
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var input = AsFloat(image, scan);
        if (settings.IsNone)
        {
            return input;
        }

        var sorted = SortedRegion(input, settings.Region, roi, reference, scan);
        return settings.Method switch
        {
            NormalisationMethod.ZScore => ZScore(input, sorted, settings, scan),
            NormalisationMethod.Percentile => PercentileScaling(input, sorted, settings, scan),
            NormalisationMethod.Nyul => NyulStandardisation.Apply(input, sorted, settings, scan),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Method, null),
        };
    }

    /// <summary>The finite intensities of the region, sorted ascending (never empty).</summary>
    /// <exception cref="InvalidInputException">The region's mask is missing, off the grid or empty.</exception>
    public static double[] SortedRegion(Image<float> image, NormalisationRegion region, LabelMap? roi, LabelMap? reference, string scan)
    {
        ArgumentNullException.ThrowIfNull(image);
        var voxels = image.Voxels;
        LabelMap? mask = region switch
        {
            NormalisationRegion.Roi => roi ?? throw new InvalidInputException($"{scan}: normalisation over the ROI needs the ROI mask."),
            NormalisationRegion.Reference => reference ?? throw new InvalidInputException($"{scan}: normalisation over a reference region needs the reference-region mask."),
            _ => null,
        };
        if (mask is not null && !mask.Geometry.Matches(image.Geometry))
        {
            throw new InvalidInputException($"{scan}: the {Describe(region)} mask is not on the image's grid.");
        }

        double threshold = double.NegativeInfinity;
        if (region == NormalisationRegion.Foreground)
        {
            var (mean, n) = RegionStatistics.FiniteMean(voxels);
            threshold = n > 0 ? mean : double.PositiveInfinity;
        }

        var labels = mask is null ? default : mask.Voxels;
        var values = new List<double>();
        for (int i = 0; i < voxels.Length; i++)
        {
            float v = voxels[i];
            if (float.IsFinite(v) && (mask is null || labels[i] != 0) && (region != NormalisationRegion.Foreground || v > threshold))
            {
                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            throw new InvalidInputException($"{scan}: the normalisation region ({Describe(region)}) is empty.");
        }

        var result = values.ToArray();
        Array.Sort(result);
        return result;
    }

    internal static string Describe(NormalisationRegion region) => region switch
    {
        NormalisationRegion.Foreground => "image foreground",
        NormalisationRegion.Roi => "ROI",
        NormalisationRegion.Reference => "reference region",
        _ => "whole image",
    };

    private static Image<float> ZScore(Image<float> image, double[] region, NormalisationSettings settings, string scan)
    {
        var (mean, sd) = RegionStatistics.MeanAndDeviation(region);
        if (!(sd > 0))
        {
            throw new InvalidInputException($"{scan}: every voxel of the normalisation region ({Describe(settings.Region)}) has the same intensity, so there is no scale to normalise by.");
        }

        return Map(image, settings.Scale / sd, -mean * settings.Scale / sd);
    }

    private static Image<float> PercentileScaling(Image<float> image, double[] region, NormalisationSettings settings, string scan)
    {
        double low = RegionStatistics.Percentile(region, settings.LowerPercentile);
        double high = RegionStatistics.Percentile(region, settings.UpperPercentile);
        if (!(high > low))
        {
            throw new InvalidInputException($"{scan}: percentiles {settings.LowerPercentile} and {settings.UpperPercentile} of the normalisation region ({Describe(settings.Region)}) are equal ({low}).");
        }

        double gain = settings.Scale / (high - low);
        return Map(image, gain, -low * gain);
    }

    /// <summary>gain · x + offset for every voxel.</summary>
    private static Image<float> Map(Image<float> image, double gain, double offset)
    {
        var source = image.Voxels;
        var target = new float[image.Geometry.VoxelCount];
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = (float)((gain * source[i]) + offset);
        }

        return new Image<float>(image.Geometry, target);
    }

    private static Image<float> AsFloat(Image image, string scan)
    {
        if (image.Components != 1)
        {
            throw new InvalidInputException($"{scan}: normalisation needs a scalar image; this one has {image.Components} components.");
        }

        return image as Image<float> ?? image.ConvertTo<float>();
    }
}
