namespace Radiomics.Filters;

/// <summary>Sampled Gaussian kernels and their second derivative, in voxel units, truncated as IBSI 2 defines it.</summary>
internal static class GaussianKernel
{
    /// <summary>Widest kernel radius accepted, voxels: wider kernels than any scan only cost time (and would overflow).</summary>
    public const int MaximumRadius = 1 << 14;

    /// <summary>Kernel radius: the support is <c>1 + 2·⌊truncation·σ + 0.5⌋</c> voxels (σ in voxels).</summary>
    public static int Radius(double sigmaVoxels, double truncation)
    {
        double r = Math.Floor(truncation * sigmaVoxels + 0.5);
        if (!(r <= MaximumRadius))
        {
            throw new InvalidInputException($"A Gaussian of σ = {sigmaVoxels:G4} voxels needs a kernel radius of {r:G4} voxels, more than the {MaximumRadius} supported; choose a smaller sigma (or a coarser spacing).");
        }

        return (int)r;
    }

    /// <summary><c>g(t) = exp(−t²/2σ²) / (σ√2π)</c> at integer <c>t</c> in [−R, R].</summary>
    public static double[] Gaussian(double sigma, double truncation)
    {
        int r = Radius(sigma, truncation);
        var k = new double[2 * r + 1];
        double norm = 1.0 / (sigma * Math.Sqrt(2 * Math.PI));
        for (int t = -r; t <= r; t++)
        {
            k[t + r] = norm * Math.Exp(-t * t / (2 * sigma * sigma));
        }

        return k;
    }

    /// <summary><c>g''(t) = g(t)·(t²/σ⁴ − 1/σ²)</c> on the same support as <see cref="Gaussian"/>.</summary>
    public static double[] SecondDerivative(double sigma, double truncation)
    {
        var g = Gaussian(sigma, truncation);
        int r = g.Length / 2;
        double s2 = sigma * sigma;
        for (int t = -r; t <= r; t++)
        {
            g[t + r] *= (t * t / s2 - 1) / s2;
        }

        return g;
    }
}
