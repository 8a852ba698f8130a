namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' <c>ngtdm</c> class (its <c>radiomics/ngtdm.py</c> and the C matrix code).</summary>
/// <remarks>
/// Differences from IBSI: every ROI voxel counts, also one without ROI neighbours (its difference is 0; IBSI leaves such
/// voxels out), neighbours come from PyRadiomics' angle set over the bounding box, and the grey levels are bin numbers;
/// coarseness is 10⁶ when the sum is 0.
/// </remarks>
internal static class PyRadiomicsNgtdm
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsTextureInput input)
    {
        var v = input.Volume;
        var angles = PyRadiomicsAngles.Generate(v.Size, input.Settings.Distances, bidirectional: true, input.Force2DDimension);
        int ng = input.Ng;
        var count = new double[ng];
        var diffs = new double[ng];
        foreach (var (z, y, x, i) in v.RoiVoxels)
        {
            double n = 0, sum = 0;
            foreach (var a in angles)
            {
                int j = v.Neighbour(z, y, x, a);
                if (j >= 0 && v.Mask[j])
                {
                    n++;
                    sum += input.Bins[j];
                }
            }

            double diff = n == 0 ? 0 : Math.Abs(input.Bins[i] - (sum / n));
            count[input.Bins[i] - 1]++;
            diffs[input.Bins[i] - 1] += diff;
        }

        var levels = Enumerable.Range(0, ng).Where(k => count[k] > 0).ToArray();
        double nvp = levels.Sum(k => count[k]);
        var p = levels.Select(k => count[k] / nvp).ToArray();
        var s = levels.Select(k => diffs[k]).ToArray();
        var l = levels.Select(k => k + 1.0).ToArray();
        int ngp = levels.Length;
        double sumPs = 0, sumS = s.Sum();
        for (int a = 0; a < ngp; a++)
        {
            sumPs += p[a] * s[a];
        }

        double coarseness = sumPs != 0 ? 1 / sumPs : 1e6;
        double contrastSum = 0, absdiff = 0, complexity = 0, strength = 0;
        for (int a = 0; a < ngp; a++)
        {
            for (int b = 0; b < ngp; b++)
            {
                double d = l[a] - l[b];
                contrastSum += p[a] * p[b] * d * d;
                absdiff += Math.Abs((l[a] * p[a]) - (l[b] * p[b]));
                complexity += Math.Abs(d) * ((p[a] * s[a]) + (p[b] * s[b])) / (p[a] + p[b]);
                strength += (p[a] + p[b]) * d * d;
            }
        }

        double div = ngp * (ngp - 1.0);
        double contrast = div != 0 ? contrastSum * sumS / nvp / div : 0;
        double busyness = absdiff != 0 ? sumPs / absdiff : 0;
        yield return ("Busyness", busyness);
        yield return ("Coarseness", coarseness);
        yield return ("Complexity", complexity / nvp);
        yield return ("Contrast", contrast);
        yield return ("Strength", sumS != 0 ? strength / sumS : 0);
    }
}
