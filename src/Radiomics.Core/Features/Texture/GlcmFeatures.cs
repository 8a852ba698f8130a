using System.Buffers;

namespace Radiomics.Features.Texture;

/// <summary>The 25 GLCM features of IBSI 1 (section 3.6) from one symmetric co-occurrence matrix.</summary>
public static class GlcmFeatures
{
    /// <summary>Names and codes in the order of <see cref="Compute(ReadOnlySpan{double}, int, Span{double})"/>.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        new("Joint maximum", "GYBY"),
        new("Joint average", "60VM"),
        new("Joint variance", "UR99"),
        new("Joint entropy", "TU9B"),
        new("Difference average", "TF7R"),
        new("Difference variance", "D3YU"),
        new("Difference entropy", "NTRS"),
        new("Sum average", "ZGXS"),
        new("Sum variance", "OEEB"),
        new("Sum entropy", "P6QZ"),
        new("Angular second moment", "8ZQL"),
        new("Contrast", "ACUI"),
        new("Dissimilarity", "8S9J"),
        new("Inverse difference", "IB1Z"),
        new("Normalised inverse difference", "NDRX"),
        new("Inverse difference moment", "WF0Z"),
        new("Normalised inverse difference moment", "1QCO"),
        new("Inverse variance", "E8JP"),
        new("Correlation", "NI2N"),
        new("Autocorrelation", "QWB0"),
        new("Cluster tendency", "DG8W"),
        new("Cluster shade", "7NFM"),
        new("Cluster prominence", "AE86"),
        new("Information correlation 1", "R8DG"),
        new("Information correlation 2", "JN9H"),
    ];

    public static double[] Compute(TextureMatrix matrix)
    {
        var f = new double[Definitions.Count];
        Compute(matrix.Counts, matrix.Rows, f);
        return f;
    }

    /// <summary>
    /// Features of the N_g × N_g <paramref name="counts"/> into <paramref name="features"/> (NaN when the matrix is
    /// empty; correlation and the information correlations are NaN where their denominators vanish). Uses pooled
    /// scratch buffers only.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> counts, int ng, Span<double> features)
    {
        double total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total <= 0)
        {
            features[..Definitions.Count].Fill(double.NaN);
            return;
        }

        var rented = ArrayPool<double>.Shared.Rent(5 * ng);
        try
        {
            var px = rented.AsSpan(0, ng);
            var sum = rented.AsSpan(ng, 2 * ng);          // p_{x+y}(k), k = i + j with 1-based i, j: index k − 2
            var diff = rented.AsSpan(3 * ng, ng);         // p_{x−y}(k), k = |i − j|
            px.Clear();
            sum.Clear();
            diff.Clear();
            double inv = 1 / total;
            double max = 0, mean = 0, entropy = 0, asm = 0, contrast = 0, dissimilarity = 0, id = 0, nid = 0, idm = 0, nidm = 0, auto = 0;
            for (int i = 0; i < ng; i++)
            {
                var row = counts.Slice(i * ng, ng);
                for (int j = 0; j < ng; j++)
                {
                    double c = row[j];
                    if (c == 0)
                    {
                        continue;
                    }

                    double p = c * inv;
                    int gi = i + 1, gj = j + 1, d = Math.Abs(i - j);
                    px[i] += p;
                    sum[i + j] += p;
                    diff[d] += p;
                    max = Math.Max(max, p);
                    mean += gi * p;
                    entropy -= p * Math.Log2(p);
                    asm += p * p;
                    contrast += d * d * p;
                    dissimilarity += d * p;
                    id += p / (1 + d);
                    nid += p / (1 + (d / (double)ng));
                    idm += p / (1 + (d * d));
                    nidm += p / (1 + ((d * d) / ((double)ng * ng)));
                    auto += gi * gj * p;
                }
            }

            // log2 of the marginals once: HXY1 = −Σ p_ij (log p_x,i + log p_y,j) takes no logarithm per cell, and
            // HXY2 = −Σ p_x,i p_y,j log(p_x,i p_y,j) = HX + HY = 2·HX (symmetric matrix, marginals summing to 1) none per
            // pair of levels (those logarithms were most of the time of a local GLCM map).
            var logPx = rented.AsSpan(4 * ng, ng);
            for (int i = 0; i < ng; i++)
            {
                logPx[i] = px[i] > 0 ? Math.Log2(px[i]) : 0;
            }

            double variance = 0, tendency = 0, shade = 0, prominence = 0, hxy1 = 0;
            for (int i = 0; i < ng; i++)
            {
                if (px[i] == 0)
                {
                    continue;
                }

                var row = counts.Slice(i * ng, ng);
                for (int j = 0; j < ng; j++)
                {
                    if (px[j] == 0)
                    {
                        continue;
                    }

                    double c = row[j];
                    if (c == 0)
                    {
                        continue;
                    }

                    double p = c * inv;
                    double a = i + 1 - mean, s = i + j + 2 - (2 * mean);
                    variance += a * a * p;
                    tendency += s * s * p;
                    shade += s * s * s * p;
                    prominence += s * s * s * s * p;
                    hxy1 -= p * (logPx[i] + logPx[j]);
                }
            }

            // The matrix is symmetric: the row and column marginals are equal, so μ_x = μ_y = joint average and
            // σ_x = σ_y; the correlation numerator Σ (i − μ)(j − μ) p is the autocorrelation minus μ².
            double hx = 0, sigma2 = 0;
            for (int i = 0; i < ng; i++)
            {
                if (px[i] > 0)
                {
                    hx -= px[i] * logPx[i];
                    double a = i + 1 - mean;
                    sigma2 += a * a * px[i];
                }
            }

            double hxy2 = 2 * hx;
            double diffMean = 0, diffEntropy = 0, inverseVariance = 0;
            for (int k = 0; k < ng; k++)
            {
                double p = diff[k];
                if (p > 0)
                {
                    diffMean += k * p;
                    diffEntropy -= p * Math.Log2(p);
                    if (k > 0)
                    {
                        inverseVariance += p / ((double)k * k);
                    }
                }
            }

            double diffVariance = 0;
            for (int k = 0; k < ng; k++)
            {
                diffVariance += (k - diffMean) * (k - diffMean) * diff[k];
            }

            double sumMean = 0, sumEntropy = 0;
            for (int k = 0; k < 2 * ng; k++)
            {
                double p = sum[k];
                if (p > 0)
                {
                    sumMean += (k + 2) * p;
                    sumEntropy -= p * Math.Log2(p);
                }
            }

            double sumVariance = 0;
            for (int k = 0; k < 2 * ng; k++)
            {
                double e = k + 2 - sumMean;
                sumVariance += e * e * sum[k];
            }

            features[0] = max;
            features[1] = mean;
            features[2] = variance;
            features[3] = entropy;
            features[4] = diffMean;
            features[5] = diffVariance;
            features[6] = diffEntropy;
            features[7] = sumMean;
            features[8] = sumVariance;
            features[9] = sumEntropy;
            features[10] = asm;
            features[11] = contrast;
            features[12] = dissimilarity;
            features[13] = id;
            features[14] = nid;
            features[15] = idm;
            features[16] = nidm;
            features[17] = inverseVariance;
            features[18] = sigma2 > 0 ? (auto - (mean * mean)) / sigma2 : double.NaN;
            features[19] = auto;
            features[20] = tendency;
            features[21] = shade;
            features[22] = prominence;
            features[23] = hx > 0 ? (entropy - hxy1) / hx : double.NaN;
            features[24] = Math.Sqrt(Math.Max(0, 1 - Math.Exp(-2 * (hxy2 - entropy))));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
