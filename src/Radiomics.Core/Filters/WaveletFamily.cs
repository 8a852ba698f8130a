using MathNet.Numerics;

namespace Radiomics.Filters;

/// <summary>
/// Filter coefficients of orthogonal wavelet families, computed from their definitions rather than copied from
/// tables: Haar; Daubechies <c>dbN</c> (N = 1..10, where the root finding keeps orthonormality to 1e-11) by spectral factorisation of the Daubechies polynomial with the
/// minimum-phase root choice (Daubechies 1992, "Ten lectures on wavelets", §6.1); Coiflet 1 from its closed form.
/// Coefficient order and signs follow PyWavelets, which the IBSI 2 reference implementations use:
/// <c>dec_lo</c> is the reversed reconstruction filter and <c>dec_hi[k] = (−1)^(k+1) · rec_lo[k]</c>.
/// </summary>
public static class WaveletFamily
{
    /// <summary>Names that <see cref="Filters"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["haar", .. Enumerable.Range(1, 10).Select(n => $"db{n}"), "coif1"];

    /// <summary>The decomposition low-pass and high-pass filters of <paramref name="family"/> (e.g. "db2", "coif1", "haar").</summary>
    /// <exception cref="ArgumentException">The family is not one of <see cref="Names"/>.</exception>
    public static (double[] Low, double[] High) Filters(string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var name = family.Trim().ToLowerInvariant();
        double[] reconstruction;
        if (name == "haar")
        {
            reconstruction = Daubechies(1);
        }
        else if (name == "coif1")
        {
            reconstruction = Coiflet1();
        }
        else if (name.StartsWith("db", StringComparison.Ordinal) && int.TryParse(name.AsSpan(2), out int n) && n is >= 1 and <= 10)
        {
            reconstruction = Daubechies(n);
        }
        else
        {
            throw new ArgumentException($"Unknown wavelet family '{family}'; known: {string.Join(", ", Names)}.", nameof(family));
        }

        var low = reconstruction.Reverse().ToArray();
        var high = new double[reconstruction.Length];
        for (int k = 0; k < high.Length; k++)
        {
            high[k] = (k % 2 == 0 ? -1 : 1) * reconstruction[k];
        }

        return (low, high);
    }

    /// <summary>Reconstruction low-pass filter of dbN: <c>√2 · ((1 + z⁻¹)/2)^N · Q(z)</c>, Q minimum phase with Q(1) = 1.</summary>
    private static double[] Daubechies(int n)
    {
        // Binomial factor ((1 + z^-1)/2)^N.
        var h = new double[] { 1 };
        for (int i = 0; i < n; i++)
        {
            h = Convolve(h, [0.5, 0.5]);
        }

        if (n > 1)
        {
            // Roots y of P(y) = Σ_k C(N−1+k, k) y^k; each gives z + 1/z = 2 − 4y, of which the root inside the unit
            // circle is kept (minimum phase).
            var p = new double[n];
            for (int k = 0; k < n; k++)
            {
                p[k] = SpecialFunctions.Binomial(n - 1 + k, k);
            }

            var q = new System.Numerics.Complex[] { 1 };
            foreach (var y in FindRoots.Polynomial(p))
            {
                var b = 2 - 4 * y;
                var disc = System.Numerics.Complex.Sqrt(b * b - 4);
                var z1 = (b + disc) / 2;
                var z = z1.Magnitude < 1 ? z1 : (b - disc) / 2;
                q = Convolve(q, [1, -z]);
            }

            var qReal = q.Select(c => c.Real).ToArray();
            double sum = qReal.Sum();
            h = Convolve(h, qReal.Select(c => c / sum).ToArray());
        }

        return h.Select(c => c * Math.Sqrt(2)).ToArray();
    }

    /// <summary>Coiflet 1 in closed form: <c>(√2/32)·(1−√7, 5+√7, 14+2√7, 14−2√7, 1−√7, −3+√7)</c> (reconstruction order).</summary>
    private static double[] Coiflet1()
    {
        double s = Math.Sqrt(7);
        return new[] { 1 - s, 5 + s, 14 + 2 * s, 14 - 2 * s, 1 - s, -3 + s }.Select(c => c * Math.Sqrt(2) / 32).ToArray();
    }

    private static double[] Convolve(double[] a, double[] b)
    {
        var r = new double[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                r[i + j] += a[i] * b[j];
            }
        }

        return r;
    }

    private static System.Numerics.Complex[] Convolve(System.Numerics.Complex[] a, System.Numerics.Complex[] b)
    {
        var r = new System.Numerics.Complex[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                r[i + j] += a[i] * b[j];
            }
        }

        return r;
    }
}
