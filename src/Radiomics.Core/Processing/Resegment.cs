namespace Radiomics.Processing;

/// <summary>
/// Derives the IBSI intensity mask from the morphological mask (IBSI 1, "Re-segmentation", IF9H; ECJF): voxels whose
/// intensity lies outside the range, or outside μ ± kσ when outlier filtering is on, leave the intensity mask.
/// Non-finite intensities always leave it. The morphological mask is not changed.
/// </summary>
public static class Resegment
{
    /// <summary>The closed interval kept by the settings for these ROI intensities: the intersection of the range and the outlier interval.</summary>
    public static (double Minimum, double Maximum) Range(ReadOnlySpan<double> intensities, ReadOnlySpan<bool> morphologicalMask, ResegmentationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckLengths(intensities, morphologicalMask);
        settings.Validate();
        double lo = settings.Minimum ?? double.NegativeInfinity;
        double hi = settings.Maximum ?? double.PositiveInfinity;
        if (settings.OutlierSigma is { } k)
        {
            // Mean and population standard deviation over the whole ROI, as MIRP and the manual's 7ACA describe.
            double sum = 0;
            long n = 0;
            for (int i = 0; i < intensities.Length; i++)
            {
                if (morphologicalMask[i] && double.IsFinite(intensities[i]))
                {
                    sum += intensities[i];
                    n++;
                }
            }

            if (n > 0)
            {
                double mean = sum / n, ss = 0;
                for (int i = 0; i < intensities.Length; i++)
                {
                    if (morphologicalMask[i] && double.IsFinite(intensities[i]))
                    {
                        double d = intensities[i] - mean;
                        ss += d * d;
                    }
                }

                double sd = Math.Sqrt(ss / n);
                lo = Math.Max(lo, mean - k * sd);
                hi = Math.Min(hi, mean + k * sd);
            }
        }

        return (lo, hi);
    }

    /// <summary>The intensity mask: morphological-mask voxels with a finite intensity inside <see cref="Range"/>.</summary>
    public static bool[] IntensityMask(ReadOnlySpan<double> intensities, ReadOnlySpan<bool> morphologicalMask, ResegmentationSettings settings)
    {
        var (lo, hi) = Range(intensities, morphologicalMask, settings);
        var result = new bool[intensities.Length];
        for (int i = 0; i < intensities.Length; i++)
        {
            double v = intensities[i];
            result[i] = morphologicalMask[i] && v >= lo && v <= hi && double.IsFinite(v);
        }

        return result;
    }

    private static void CheckLengths(ReadOnlySpan<double> intensities, ReadOnlySpan<bool> mask)
    {
        if (intensities.Length != mask.Length)
        {
            throw new ArgumentException($"{intensities.Length} intensities but {mask.Length} mask values.", nameof(mask));
        }
    }
}
