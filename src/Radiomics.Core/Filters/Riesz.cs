using Radiomics.Numerics;
using System.Globalization;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>Orders of a Riesz transform per image axis (IBSI 2 AYRS), e.g. (1, 0, 0) for the first-order component along x.</summary>
public sealed record RieszOrder
{
    public int X { get; init; }

    public int Y { get; init; }

    public int Z { get; init; }

    /// <summary>The total order L.</summary>
    internal int Total => X + Y + Z;

    internal string Suffix => string.Create(CultureInfo.InvariantCulture, $"-riesz-{X}{Y}{Z}");

    internal void Validate(FilterDimensions dimensions)
    {
        if (X < 0 || Y < 0 || Z < 0 || Total == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LaplacianOfGaussianSettings.Riesz), this, "Riesz orders must not be negative and must add up to at least 1.");
        }

        if (dimensions == FilterDimensions.TwoD && Z != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LaplacianOfGaussianSettings.Riesz), this, "A 2D filter has no Riesz order along z.");
        }
    }
}

/// <summary>
/// The Riesz transform in the Fourier domain (IBSI 2 AYRS):
/// <c>R^(l) f(ν) = (−j)^L √(L!/(l₁!l₂!l₃!)) · ν₁^l₁ ν₂^l₂ ν₃^l₃ / ‖ν‖^L · f(ν)</c>, zero at ν = 0, with
/// physical frequencies so that directions are those of physical space.
/// </summary>
internal static class RieszTransform
{
    /// <summary>Riesz transform of the response to a kernel given as a sum of separable terms (LoG), on the padded grid.</summary>
    public static double[] OfKernel(
        double[] voxels,
        ImageGeometry geometry,
        List<(double Weight, double[]?[] Kernels)> terms,
        BoundaryCondition boundary,
        FilterDimensions dimensions,
        RieszOrder order)
    {
        var pad = new int[3];
        foreach (var (_, kernels) in terms)
        {
            for (int a = 0; a < 3; a++)
            {
                pad[a] = Math.Max(pad[a], (kernels[a]?.Length ?? 1) / 2);
            }
        }

        var padded = FrequencyDomain.PaddedSize(geometry.Size, pad, dimensions);
        var transfer = new Complex[padded.Count];
        foreach (var (weight, kernels) in terms)
        {
            var spectra = new Complex[3][];
            for (int a = 0; a < 3; a++)
            {
                spectra[a] = kernels[a] is { } k ? FrequencyDomain.KernelSpectrum(k, padded[a]) : [.. Enumerable.Repeat(Complex.One, padded[a])];
            }

            int i = 0;
            for (int z = 0; z < padded.Z; z++)
            {
                for (int y = 0; y < padded.Y; y++)
                {
                    var yz = weight * spectra[1][y] * spectra[2][z];
                    for (int x = 0; x < padded.X; x++)
                    {
                        transfer[i++] += yz * spectra[0][x];
                    }
                }
            }
        }

        Apply(transfer, padded, geometry.Spacing, order);
        return FrequencyDomain.Filter(voxels, geometry.Size, pad, boundary, dimensions, transfer);
    }

    /// <summary>Multiplies a transfer function on <paramref name="grid"/> by the Riesz transfer function of <paramref name="order"/>.</summary>
    public static void Apply(Complex[] transfer, Size3 grid, Vec3 spacing, RieszOrder order)
    {
        int total = order.Total;
        double norm = Math.Sqrt(Factorial(total) / (Factorial(order.X) * Factorial(order.Y) * Factorial(order.Z)));
        var phase = Complex.Pow(-Complex.ImaginaryOne, total) * norm;
        int i = 0;
        for (int z = 0; z < grid.Z; z++)
        {
            double fz = grid.Z == 1 ? 0 : Fft.Frequency(z, grid.Z) / spacing.Z;
            for (int y = 0; y < grid.Y; y++)
            {
                double fy = Fft.Frequency(y, grid.Y) / spacing.Y;
                for (int x = 0; x < grid.X; x++, i++)
                {
                    double fx = Fft.Frequency(x, grid.X) / spacing.X;
                    double r = Math.Sqrt(fx * fx + fy * fy + fz * fz);
                    transfer[i] = r == 0
                        ? Complex.Zero
                        : transfer[i] * phase * (Math.Pow(fx / r, order.X) * Math.Pow(fy / r, order.Y) * Math.Pow(fz / r, order.Z));
                }
            }
        }
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }
}
