using Radiomics.Imaging;

namespace Radiomics.Processing.Normalisation;

/// <summary>
/// Nyúl–Udupa histogram standardisation (Nyúl and Udupa, Magn Reson Med 42:1072, 1999; Nyúl, Udupa and Zhang, IEEE
/// TMI 19:143, 2000). Fitting: each training scan's landmarks (intensities at the landmark percentiles of its
/// region) are mapped linearly so that its first and last landmarks land on the standard scale's minimum and maximum;
/// the standard landmarks are the means of the mapped landmarks. Applying: each scan's own landmarks are mapped
/// piecewise linearly onto the standard landmarks, and intensities beyond the first or last landmark continue the
/// first or last segment.
/// </summary>
public static class NyulStandardisation
{
    /// <summary>
    /// Fits the standard landmarks on training scans (usually a cohort's baselines) and returns the settings with
    /// <see cref="NormalisationSettings.StandardLandmarks"/> filled in, ready to save and apply to every scan.
    /// </summary>
    /// <param name="scans">Each scan with its ROI and reference masks (needed only for those regions) and a name for errors.</param>
    /// <param name="settings">Region, landmark percentiles and standard scale; the method is set to Nyúl.</param>
    /// <exception cref="InvalidInputException">No scan, or a scan whose region is empty or whose landmarks coincide.</exception>
    public static NormalisationSettings Fit(IEnumerable<(Image Image, LabelMap? Roi, LabelMap? Reference, string Scan)> scans, NormalisationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(settings);
        settings = settings with { Method = NormalisationMethod.Nyul, StandardLandmarks = null };
        settings.Validate();
        var percentiles = settings.Landmarks;
        var sums = new double[percentiles.Count];
        int count = 0;
        foreach (var (image, roi, reference, scan) in scans)
        {
            var input = image as Image<float> ?? image.ConvertTo<float>();
            var landmarks = Landmarks(IntensityNormalisation.SortedRegion(input, settings.Region, roi, reference, scan), percentiles);
            double first = landmarks[0], last = landmarks[^1];
            if (!(last > first))
            {
                throw new InvalidInputException($"{scan}: the first and last Nyúl landmarks of the {IntensityNormalisation.Describe(settings.Region)} are equal ({first}); the scan has no intensity range.");
            }

            for (int i = 0; i < landmarks.Length; i++)
            {
                sums[i] += settings.StandardMinimum + ((landmarks[i] - first) / (last - first) * (settings.StandardMaximum - settings.StandardMinimum));
            }

            count++;
        }

        if (count == 0)
        {
            throw new InvalidInputException("A Nyúl standardisation needs at least one training scan.");
        }

        var standard = sums.Select(s => s / count).ToArray();
        // Ties in every training scan (discrete intensities) would give equal standard landmarks; a tiny spread keeps the mapping invertible.
        for (int i = 1; i < standard.Length; i++)
        {
            standard[i] = Math.Max(standard[i], standard[i - 1] + ((settings.StandardMaximum - settings.StandardMinimum) * 1e-9));
        }

        return settings with { StandardLandmarks = standard };
    }

    /// <summary>The intensities at the given percentiles of a sorted region.</summary>
    public static double[] Landmarks(ReadOnlySpan<double> sorted, IReadOnlyList<double> percentiles)
    {
        ArgumentNullException.ThrowIfNull(percentiles);
        var result = new double[percentiles.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = RegionStatistics.Percentile(sorted, percentiles[i]);
        }

        return result;
    }

    internal static Image<float> Apply(Image<float> image, double[] sortedRegion, NormalisationSettings settings, string scan)
    {
        var standard = settings.StandardLandmarks
            ?? throw new InvalidInputException($"{scan}: the Nyúl standardisation has not been fitted; fit it on the cohort's baselines first (its standard landmarks are missing).");
        var own = Landmarks(sortedRegion, settings.Landmarks);
        // Landmarks that coincide (flat stretches of a discrete histogram) are dropped so that every segment has a width.
        var from = new List<double> { own[0] };
        var to = new List<double> { standard[0] };
        for (int i = 1; i < own.Length; i++)
        {
            if (own[i] > from[^1])
            {
                from.Add(own[i]);
                to.Add(standard[i]);
            }
        }

        if (from.Count < 2)
        {
            throw new InvalidInputException($"{scan}: every Nyúl landmark of the {IntensityNormalisation.Describe(settings.Region)} has the same intensity ({own[0]}).");
        }

        var x = from.ToArray();
        var y = to.ToArray();
        var source = image.Voxels;
        var target = new float[image.Geometry.VoxelCount];
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = (float)Interpolate(x, y, source[i]);
        }

        return new Image<float>(image.Geometry, target);
    }

    /// <summary>Piecewise-linear mapping through (x, y), extended linearly beyond both ends.</summary>
    private static double Interpolate(double[] x, double[] y, double v)
    {
        if (!double.IsFinite(v))
        {
            return v;
        }

        int segment = Array.BinarySearch(x, v);
        segment = segment >= 0 ? Math.Min(segment, x.Length - 2) : Math.Clamp(~segment - 1, 0, x.Length - 2);
        double t = (v - x[segment]) / (x[segment + 1] - x[segment]);
        return y[segment] + (t * (y[segment + 1] - y[segment]));
    }
}
