using MathNet.Numerics.LinearAlgebra;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// PyRadiomics' <c>glcm</c> class (its <c>radiomics/glcm.py</c> and the C matrix code).
/// </summary>
/// <remarks>
/// Differences from IBSI: one matrix per direction (PyRadiomics' angles, see <see cref="PyRadiomicsAngles"/>) over the
/// ROI's bounding box, features averaged over directions (IBSI "3D, averaged" — but with PyRadiomics' angle set), or,
/// with <c>weightingNorm</c>, one matrix summed with distance weights exp(−‖d‖²) (IBSI: merged without weights). Only
/// grey levels present in the ROI are rows; i and j are bin numbers, and Idmn and Idn normalise by the highest bin Ng
/// (IBSI: the number of bins). Correlation is 1 for a zero spread, entropies carry ε = 2.2e-16, and MCC is the square
/// root of the second largest eigenvalue of Q. ClusterTendency is IBSI's sum variance.
/// </remarks>
internal static class PyRadiomicsGlcm
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsTextureInput input)
    {
        var v = input.Volume;
        var s = input.Settings;
        var angles = PyRadiomicsAngles.Generate(v.Size, s.Distances, bidirectional: false, input.Force2DDimension);
        int g = input.GrayLevels.Length;
        var index = new int[input.Ng + 1];
        for (int k = 0; k < g; k++)
        {
            index[input.GrayLevels[k]] = k;
        }

        var matrices = new List<double[,]>();
        foreach (var a in angles)
        {
            var p = new double[g, g];
            foreach (var (z, y, x, i) in v.RoiVoxels)
            {
                int j = v.Neighbour(z, y, x, a);
                if (j >= 0 && v.Mask[j])
                {
                    p[index[input.Bins[i]], index[input.Bins[j]]]++;
                }
            }

            if (s.SymmetricalGlcm)
            {
                var t = (double[,])p.Clone();
                for (int r = 0; r < g; r++)
                {
                    for (int c = 0; c < g; c++)
                    {
                        p[r, c] = t[r, c] + t[c, r];
                    }
                }
            }

            matrices.Add(p);
        }

        if (s.WeightingNorm is { } norm)
        {
            var merged = new double[g, g];
            for (int k = 0; k < angles.Length; k++)
            {
                double w = PyRadiomicsWeights.Glcm(norm, angles[k], v.Spacing);
                for (int r = 0; r < g; r++)
                {
                    for (int c = 0; c < g; c++)
                    {
                        merged[r, c] += matrices[k][r, c] * w;
                    }
                }
            }

            matrices = [merged];
        }

        if (matrices.Count > 1)
        {
            matrices = [.. matrices.Where(m => Sum(m) != 0)];
        }

        var perAngle = matrices.Select(m => Features(m, input)).ToList();
        var names = perAngle.Count > 0 ? perAngle[0].Keys.ToList() : [];
        foreach (var name in names)
        {
            yield return (name, name == "JointAverage" ? perAngle.Average(f => f[name]) : PyRadiomicsTextureInput.NanMean(perAngle.Select(f => f[name])));
        }
    }

    private static double Sum(double[,] m)
    {
        double sum = 0;
        foreach (var x in m)
        {
            sum += x;
        }

        return sum;
    }

    private static Dictionary<string, double> Features(double[,] counts, PyRadiomicsTextureInput input)
    {
        const double eps = PyRadiomicsTextureInput.Eps;
        int g = counts.GetLength(0), ng = input.Ng;
        double total = Sum(counts);
        var p = new double[g, g];
        for (int r = 0; r < g; r++)
        {
            for (int c = 0; c < g; c++)
            {
                p[r, c] = total == 0 ? double.NaN : counts[r, c] / total;
            }
        }

        var level = input.GrayLevels.Select(l => (double)l).ToArray();
        var px = new double[g];
        var py = new double[g];
        double ux = 0, uy = 0, hxy = 0, autocorrelation = 0, contrast = 0, energy = 0, maxProb = double.NegativeInfinity;
        var sumP = new double[(2 * ng) - 1];
        var diffP = new double[ng];
        for (int r = 0; r < g; r++)
        {
            for (int c = 0; c < g; c++)
            {
                double q = p[r, c];
                px[r] += q;
                py[c] += q;
                ux += level[r] * q;
                uy += level[c] * q;
                hxy -= q * Math.Log2(q + eps);
                autocorrelation += q * level[r] * level[c];
                contrast += q * (level[r] - level[c]) * (level[r] - level[c]);
                energy += q * q;
                maxProb = Math.Max(maxProb, q);
                sumP[(int)(level[r] + level[c]) - 2] += q;
                diffP[(int)Math.Abs(level[r] - level[c])] += q;
            }
        }

        double prominence = 0, shade = 0, tendency = 0, sigx = 0, sigy = 0, corm = 0, hxy1 = 0, hxy2 = 0, sumSquares = 0;
        for (int r = 0; r < g; r++)
        {
            for (int c = 0; c < g; c++)
            {
                double q = p[r, c], d = level[r] + level[c] - ux - uy;
                prominence += q * d * d * d * d;
                shade += q * d * d * d;
                tendency += q * d * d;
                sigx += q * (level[r] - ux) * (level[r] - ux);
                sigy += q * (level[c] - uy) * (level[c] - uy);
                corm += q * (level[r] - ux) * (level[c] - uy);
                hxy1 -= q * Math.Log2((px[r] * py[c]) + eps);
                hxy2 -= px[r] * py[c] * Math.Log2((px[r] * py[c]) + eps);
                sumSquares += q * (level[r] - ux) * (level[r] - ux);
            }
        }

        sigx = Math.Sqrt(sigx);
        sigy = Math.Sqrt(sigy);
        double correlation = sigx * sigy == 0 ? 1 : corm / ((sigx * sigy) + eps);
        double hx = 0, hy = 0;
        for (int k = 0; k < g; k++)
        {
            hx -= px[k] * Math.Log2(px[k] + eps);
            hy -= py[k] * Math.Log2(py[k] + eps);
        }

        double div = Math.Max(hx, hy);
        double imc1 = div != 0 ? (hxy - hxy1) / div : 0;
        double imc2 = hxy2 == hxy ? 0 : Math.Sqrt(1 - Math.Exp(-2 * (hxy2 - hxy)));
        double diffAverage = 0, diffEntropy = 0, idm = 0, idmn = 0, id = 0, idn = 0, inverseVariance = 0;
        for (int k = 0; k < ng; k++)
        {
            double q = diffP[k];
            diffAverage += k * q;
            diffEntropy -= q * Math.Log2(q + eps);
            idm += q / (1 + ((double)k * k));
            idmn += q / (1 + ((double)k * k / ((double)ng * ng)));
            id += q / (1 + k);
            idn += q / (1 + ((double)k / ng));
            if (k > 0)
            {
                inverseVariance += q / ((double)k * k);
            }
        }

        double diffVariance = 0;
        for (int k = 0; k < ng; k++)
        {
            diffVariance += diffP[k] * (k - diffAverage) * (k - diffAverage);
        }

        double sumAverage = 0, sumEntropy = 0;
        for (int k = 0; k < sumP.Length; k++)
        {
            sumAverage += (k + 2) * sumP[k];
            sumEntropy -= sumP[k] * Math.Log2(sumP[k] + eps);
        }

        return new Dictionary<string, double>
        {
            ["Autocorrelation"] = autocorrelation,
            ["ClusterProminence"] = prominence,
            ["ClusterShade"] = shade,
            ["ClusterTendency"] = tendency,
            ["Contrast"] = contrast,
            ["Correlation"] = correlation,
            ["DifferenceAverage"] = diffAverage,
            ["DifferenceEntropy"] = diffEntropy,
            ["DifferenceVariance"] = diffVariance,
            ["Id"] = id,
            ["Idm"] = idm,
            ["Idmn"] = idmn,
            ["Idn"] = idn,
            ["Imc1"] = imc1,
            ["Imc2"] = imc2,
            ["InverseVariance"] = inverseVariance,
            ["JointAverage"] = ux,
            ["JointEnergy"] = energy,
            ["JointEntropy"] = hxy,
            ["MCC"] = input.WithoutMcc ? double.NaN : Mcc(p, px, py),
            ["MaximumProbability"] = maxProb,
            ["SumAverage"] = sumAverage,
            ["SumEntropy"] = sumEntropy,
            ["SumSquares"] = sumSquares,
        };
    }

    /// <summary>Maximal correlation coefficient: √(second largest eigenvalue of Q), Q_ij = Σ_k p_ik p_jk / (p_x,i p_y,k + ε).</summary>
    private static double Mcc(double[,] p, double[] px, double[] py)
    {
        int g = px.Length;
        if (g < 2)
        {
            return 1;
        }

        var q = Matrix<double>.Build.Dense(g, g);
        for (int i = 0; i < g; i++)
        {
            for (int j = 0; j < g; j++)
            {
                double sum = 0;
                for (int k = 0; k < g; k++)
                {
                    sum += p[i, k] * p[j, k] / ((px[i] * py[k]) + PyRadiomicsTextureInput.Eps);
                }

                q[i, j] = sum;
            }
        }

        if (q.Enumerate().Any(double.IsNaN))
        {
            return double.NaN;
        }

        System.Numerics.Complex[] eigen;
        try
        {
            eigen = q.Evd().EigenValues.OrderBy(e => e.Real).ThenBy(e => e.Imaginary).ToArray();
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            // The general (Hessenberg/Schur) decomposition can fail on some small kernels' Q (seen in voxel-based maps).
            // Q = Dx⁻¹ P Dy⁻¹ Pᵀ (up to ε) is similar to the symmetric S = Dx^-½ P Dy⁻¹ Pᵀ Dx^-½, whose eigenvalues are
            // the same, real, and whose symmetric decomposition always converges.
            var s = Matrix<double>.Build.Dense(g, g);
            for (int i = 0; i < g; i++)
            {
                for (int j = 0; j < g; j++)
                {
                    double sum = 0;
                    for (int k = 0; k < g; k++)
                    {
                        sum += p[i, k] * p[j, k] / ((Math.Sqrt(px[i] * px[j]) * py[k]) + PyRadiomicsTextureInput.Eps);
                    }

                    s[i, j] = sum;
                }
            }

            eigen = s.Evd(Symmetricity.Symmetric).EigenValues.OrderBy(e => e.Real).ToArray();
        }

        return System.Numerics.Complex.Sqrt(eigen[^2]).Real;
    }
}
