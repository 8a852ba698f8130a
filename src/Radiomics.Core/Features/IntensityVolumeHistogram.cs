using Radiomics.Processing;

namespace Radiomics.Features;

/// <summary>
/// Intensity-volume histogram features (IBSI 1, family P88C). For every discretised intensity i of the total range G
/// (step w_d) the volume fraction ν_i = 1 − (1/N_v) Σ[X_d,gl &lt; i] and the intensity fraction
/// γ_i = (i − min G)/(max G − min G) are evaluated, absent intensities included. The area under the curve has no
/// IBSI reference value ("should not be used") and is left out.
/// </summary>
public static class IntensityVolumeHistogram
{
    /// <summary>Family key in feature tables and the IBSI reference data.</summary>
    public const string Family = "ivh";

    /// <summary>The most intensity steps the histogram evaluates; more means the discretisation does not suit the image.</summary>
    public const int MaximumSteps = 10_000_000;

    /// <summary>
    /// V10, V90, I10, I90, V10 − V90 and I10 − I90 (BC2M, GBPN, DDTU, CNV2). When G is a single intensity the
    /// intensity fraction is undefined and the volume-at-intensity features are NaN. When no intensity of G has
    /// ν ≤ x, I_x is the first intensity above G (max G + w_d), where ν = 0.
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(IntensityVolumeHistogramData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Values.Length == 0)
        {
            throw new EmptyRoiException("The intensity-volume histogram needs at least one voxel in the intensity mask.");
        }

        if (!(data.Interval > 0) || !double.IsFinite(data.Minimum) || !double.IsFinite(data.Maximum))
        {
            throw new ArgumentException($"The intensity-volume histogram needs a positive interval and a finite range; got w = {data.Interval}, G = [{data.Minimum}, {data.Maximum}].", nameof(data));
        }

        var sorted = (double[])data.Values.Clone();
        Array.Sort(sorted);
        double w = data.Interval, lo = data.Minimum, hi = data.Maximum;
        double span = Math.Round((hi - lo) / w);
        if (span > MaximumSteps)
        {
            throw new InvalidInputException(
                $"The intensity-volume histogram would evaluate {span:G3} intensities (range [{lo}, {hi}] in steps of {w}); use fixed bin number discretisation (e.g. 1000 bins) for this image.");
        }

        int steps = Math.Max(0, (int)span);
        var nu = new double[steps + 1];
        // Intensities equal to i (up to rounding of bin centres) are not "smaller than i".
        double eps = 1e-9 * w;
        for (int k = 0; k <= steps; k++)
        {
            double i = lo + k * w;
            nu[k] = 1 - (double)LowerBound(sorted, i - eps) / sorted.Length;
        }

        double v10 = VolumeAtIntensityFraction(nu, steps, 0.10), v90 = VolumeAtIntensityFraction(nu, steps, 0.90);
        double i10 = IntensityAtVolumeFraction(nu, lo, w, 0.10), i90 = IntensityAtVolumeFraction(nu, lo, w, 0.90);
        return
        [
            F("Volume at intensity fraction", "BC2M", v10, "volume fraction at 10% intensity"),
            F("Volume at intensity fraction", "BC2M", v90, "volume fraction at 90% intensity"),
            F("Intensity at volume fraction", "GBPN", i10, "intensity at 10% volume"),
            F("Intensity at volume fraction", "GBPN", i90, "intensity at 90% volume"),
            F("Volume fraction difference between intensity fractions", "DDTU", v10 - v90, "volume fraction difference between 10% and 90% intensity"),
            F("Intensity fraction difference between volume fractions", "CNV2", i10 - i90, "intensity difference between 10% and 90% volume"),
        ];
    }

    /// <summary>V_x: the largest ν_i with γ_i ≥ x; ν falls with i, so it is ν at the first such i.</summary>
    private static double VolumeAtIntensityFraction(double[] nu, int steps, double x)
    {
        if (steps == 0)
        {
            return double.NaN;
        }

        for (int k = 0; k <= steps; k++)
        {
            if ((double)k / steps >= x - 1e-12)
            {
                return nu[k];
            }
        }

        return double.NaN;
    }

    /// <summary>I_x: the smallest i with ν_i ≤ x.</summary>
    private static double IntensityAtVolumeFraction(double[] nu, double lo, double w, double x)
    {
        for (int k = 0; k < nu.Length; k++)
        {
            if (nu[k] <= x + 1e-12)
            {
                return lo + k * w;
            }
        }

        return lo + nu.Length * w;
    }

    /// <summary>Number of values strictly smaller than <paramref name="value"/>.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int a = 0, b = sorted.Length;
        while (a < b)
        {
            int m = (a + b) >>> 1;
            if (sorted[m] < value)
            {
                a = m + 1;
            }
            else
            {
                b = m;
            }
        }

        return a;
    }

    private static FeatureValue F(string name, string code, double value, string variant) => new(Family, name, code, value, Variant: variant);
}
