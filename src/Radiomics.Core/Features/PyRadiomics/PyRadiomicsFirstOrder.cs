namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// PyRadiomics' <c>firstorder</c> class (its <c>radiomics/firstorder.py</c>).
/// </summary>
/// <remarks>
/// Differences from IBSI intensity statistics: Energy, TotalEnergy and RootMeanSquared add <c>voxelArrayShift</c> to
/// every intensity first (IBSI: none), TotalEnergy multiplies by the voxel volume; Kurtosis is not the excess kurtosis
/// (IBSI subtracts 3); Entropy and Uniformity use PyRadiomics' bins (see <see cref="PyRadiomicsBinning"/>), Entropy with
/// ε = 2.2e-16 inside the logarithm; percentiles interpolate linearly (numpy), as IBSI's do not require.
/// </remarks>
internal static class PyRadiomicsFirstOrder
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsTextureInput input)
    {
        var v = input.Volume;
        var x = v.RoiValues();
        int n = x.Length;
        double shift = input.Settings.VoxelArrayShift;
        double energy = 0, sum = 0;
        foreach (var value in x)
        {
            energy += (value + shift) * (value + shift);
            sum += value;
        }

        double mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0, mad = 0;
        foreach (var value in x)
        {
            double d = value - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
            mad += Math.Abs(d);
        }

        m2 /= n;
        m3 /= n;
        m4 /= n;
        mad /= n;
        var sorted = (double[])x.Clone();
        Array.Sort(sorted);
        double p10 = Percentile(sorted, 10), p90 = Percentile(sorted, 90);
        double robust = DescriptiveStatistics.RobustMad(sorted, p10, p90);
        var counts = new Dictionary<int, int>();
        for (int i = 0; i < v.Count; i++)
        {
            if (v.Mask[i])
            {
                counts[input.Bins[i]] = counts.GetValueOrDefault(input.Bins[i]) + 1;
            }
        }

        double entropy = 0, uniformity = 0;
        foreach (var c in counts.Values)
        {
            double p = (double)c / n;
            entropy -= p * Math.Log2(p + PyRadiomicsTextureInput.Eps);
            uniformity += p * p;
        }

        double voxelVolume = v.Spacing.X * v.Spacing.Y * v.Spacing.Z;
        double m2Safe = m2 == 0 ? 1 : m2;
        yield return ("Energy", energy);
        yield return ("TotalEnergy", energy * voxelVolume);
        yield return ("Entropy", entropy);
        yield return ("Minimum", sorted[0]);
        yield return ("10Percentile", p10);
        yield return ("90Percentile", p90);
        yield return ("Maximum", sorted[^1]);
        yield return ("Mean", mean);
        yield return ("Median", Percentile(sorted, 50));
        yield return ("InterquartileRange", Percentile(sorted, 75) - Percentile(sorted, 25));
        yield return ("Range", sorted[^1] - sorted[0]);
        yield return ("MeanAbsoluteDeviation", mad);
        yield return ("RobustMeanAbsoluteDeviation", robust);
        yield return ("RootMeanSquared", Math.Sqrt(energy / n));
        yield return ("StandardDeviation", Math.Sqrt(m2));
        yield return ("Skewness", m3 / Math.Pow(m2Safe, 1.5));
        yield return ("Kurtosis", m4 / (m2Safe * m2Safe));
        yield return ("Variance", m2);
        yield return ("Uniformity", uniformity);
    }

    /// <summary>numpy's default (linear) percentile of sorted values, with numpy's interpolation formula.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        double index = q / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(index);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double t = index - lo, a = sorted[lo], b = sorted[hi], diff = b - a;
        return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
    }
}
