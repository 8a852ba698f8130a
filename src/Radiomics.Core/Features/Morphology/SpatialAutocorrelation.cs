using System.Numerics;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Features.Morphology;

/// <summary>
/// Moran's I (IBSI N365) and Geary's C (IBSI NPT7) of the intensities in a mask, with weights w = 1 / (Euclidean
/// distance in mm) between every pair of distinct voxel centres. Both are computed exactly, without the subsampling the
/// manual allows.
/// </summary>
/// <remarks>
/// On a grid the weight depends only on the offset d between two voxels, so every pair sum is a sum over offsets of a
/// weighted correlation: Σ_{i≠j} w_ij f_i g_j = Σ_{d≠0} W(d) Σ_x f(x) g(x + d). By Parseval's theorem this equals
/// (1/N) Σ_k Ŵ(k) Re(conj F̂(k) Ĝ(k)) on a periodic grid at least 2n − 1 long per axis (no wrap-around). With the mask
/// m, the centred intensities y = (x − μ) m and q = y², the three sums the features need are S₀ = Σ w (from m, m),
/// Σ w y_i y_j (from y, y) and Σ w (y_i − y_j)² = 2 Σ w y_i² − 2 Σ w y_i y_j (from q, m). Two complex FFTs carry the
/// four real transforms (m + iy and q + iW), O(n log n) instead of the O(N²) pair loop; small ROIs use the pair loop.
/// </remarks>
public static class SpatialAutocorrelation
{
    /// <summary>Below this many voxels the direct pair loop is cheaper than the transforms.</summary>
    internal const int DirectLimit = 1500;

    /// <summary>
    /// Moran's I and Geary's C of <paramref name="values"/> over the voxels where <paramref name="mask"/> is true.
    /// NaN when the mask has fewer than two voxels or the intensities inside it are all equal (zero variance).
    /// </summary>
    public static (double MoransI, double GearysC) Compute(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask, Size3 size, Vec3 spacing)
    {
        if (values.Length != size.Count || mask.Length != size.Count)
        {
            throw new ArgumentException($"A {size} grid needs {size.Count} values; got {values.Length} intensities and {mask.Length} mask values.");
        }

        var sums = Count(mask) <= DirectLimit ? DirectSums(values, mask, size, spacing) : SpectralSums(values, mask, size, spacing);
        return sums.Features();
    }

    /// <summary>The pair sums over every ordered pair i ≠ j.</summary>
    internal readonly record struct PairSums(long Count, double SumSquares, double Weights, double Cross, double SquaredDifferences)
    {
        public (double MoransI, double GearysC) Features()
        {
            if (Count < 2 || !(SumSquares > 0) || !(Weights > 0))
            {
                return (double.NaN, double.NaN);
            }

            double moran = Count / Weights * Cross / SumSquares;
            double geary = (Count - 1) / (2 * Weights) * SquaredDifferences / SumSquares;
            return (moran, geary);
        }
    }

    private static long Count(ReadOnlySpan<bool> mask)
    {
        long n = 0;
        foreach (bool b in mask)
        {
            n += b ? 1 : 0;
        }

        return n;
    }

    private static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask, out long count)
    {
        double sum = 0;
        count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i])
            {
                sum += values[i];
                count++;
            }
        }

        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>The O(N²) definition, for small ROIs and as the reference in tests.</summary>
    internal static PairSums DirectSums(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask, Size3 size, Vec3 spacing)
    {
        double mean = Mean(values, mask, out long n);
        var px = new double[n];
        var py = new double[n];
        var pz = new double[n];
        var y = new double[n];
        int k = 0, i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int yy = 0; yy < size.Y; yy++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (mask[i])
                    {
                        px[k] = x * spacing.X;
                        py[k] = yy * spacing.Y;
                        pz[k] = z * spacing.Z;
                        y[k] = values[i] - mean;
                        k++;
                    }
                }
            }
        }

        double sumSquares = 0, weights = 0, cross = 0, differences = 0;
        for (int a = 0; a < n; a++)
        {
            sumSquares += y[a] * y[a];
            for (int b = a + 1; b < n; b++)
            {
                double dx = px[a] - px[b], dy = py[a] - py[b], dz = pz[a] - pz[b];
                double w = 1 / Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
                double diff = y[a] - y[b];
                weights += w;
                cross += w * y[a] * y[b];
                differences += w * diff * diff;
            }
        }

        // Each unordered pair stands for two ordered pairs.
        return new PairSums(n, sumSquares, 2 * weights, 2 * cross, 2 * differences);
    }

    /// <summary>The same sums through FFTs (see the remarks on the class).</summary>
    internal static PairSums SpectralSums(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask, Size3 size, Vec3 spacing)
    {
        double mean = Mean(values, mask, out long n);
        if (n == 0)
        {
            return new PairSums(0, 0, 0, 0, 0);
        }

        int nx = size.X, ny = size.Y, nz = size.Z;
        int gx = Fft.PowerOfTwoAtLeast((2 * nx) - 1), gy = Fft.PowerOfTwoAtLeast((2 * ny) - 1), gz = Fft.PowerOfTwoAtLeast((2 * nz) - 1);
        long total = (long)gx * gy * gz;
        var h1 = new Complex[total];
        var h2 = new Complex[total];
        double sumSquares = 0;
        int i = 0;
        for (int z = 0; z < nz; z++)
        {
            for (int y = 0; y < ny; y++)
            {
                long row = ((long)z * gy + y) * gx;
                for (int x = 0; x < nx; x++, i++)
                {
                    if (mask[i])
                    {
                        double c = values[i] - mean;
                        sumSquares += c * c;
                        h1[row + x] = new Complex(1, c);
                        h2[row + x] = new Complex(c * c, 0);
                    }
                }
            }
        }

        // Inverse-distance kernel on the periodic grid; offsets beyond ±(n − 1) never pair two voxels, so zero them.
        ParallelRows.For(0, gz, Parallelism.AllCores, z =>
        {
            int dz = z < nz ? z : z > gz - nz ? z - gz : int.MaxValue;
            for (int y = 0; y < gy; y++)
            {
                int dy = y < ny ? y : y > gy - ny ? y - gy : int.MaxValue;
                long row = ((long)z * gy + y) * gx;
                for (int x = 0; x < gx; x++)
                {
                    int dx = x < nx ? x : x > gx - nx ? x - gx : int.MaxValue;
                    if (dx == int.MaxValue || dy == int.MaxValue || dz == int.MaxValue || (dx | dy | dz) == 0)
                    {
                        continue;
                    }

                    double ex = dx * spacing.X, ey = dy * spacing.Y, ez = dz * spacing.Z;
                    h2[row + x] = new Complex(h2[row + x].Real, 1 / Math.Sqrt((ex * ex) + (ey * ey) + (ez * ez)));
                }
            }
        });

        var grid = new Size3(gx, gy, gz);
        Fft.Transform(h1, grid, inverse: false);
        Fft.Transform(h2, grid, inverse: false);

        // Unpack the two real spectra held in each complex transform: F(k) = (H(k) + conj H(−k)) / 2,
        // G(k) = (H(k) − conj H(−k)) / 2i. Partial sums per plane, added in order, keep the result deterministic.
        var planes = new (double Weights, double Cross, double SquaresTimesMask)[gz];
        ParallelRows.For(0, gz, Parallelism.AllCores, z =>
        {
            int mz = z == 0 ? 0 : gz - z;
            double w = 0, c = 0, q = 0;
            for (int y = 0; y < gy; y++)
            {
                int my = y == 0 ? 0 : gy - y;
                long row = ((long)z * gy + y) * gx;
                long mirrorRow = ((long)mz * gy + my) * gx;
                for (int x = 0; x < gx; x++)
                {
                    int mx = x == 0 ? 0 : gx - x;
                    var a = h1[row + x];
                    var am = Complex.Conjugate(h1[mirrorRow + mx]);
                    var b = h2[row + x];
                    var bm = Complex.Conjugate(h2[mirrorRow + mx]);
                    var maskHat = (a + am) * 0.5;
                    var yHat = (a - am) * new Complex(0, -0.5);
                    var qHat = (b + bm) * 0.5;
                    double wHat = ((b - bm) * new Complex(0, -0.5)).Real;
                    w += wHat * ((maskHat.Real * maskHat.Real) + (maskHat.Imaginary * maskHat.Imaginary));
                    c += wHat * ((yHat.Real * yHat.Real) + (yHat.Imaginary * yHat.Imaginary));
                    q += wHat * ((qHat.Real * maskHat.Real) + (qHat.Imaginary * maskHat.Imaginary));
                }
            }

            planes[z] = (w, c, q);
        });

        double weights = 0, cross = 0, squaresTimesMask = 0;
        foreach (var (w, c, q) in planes)
        {
            weights += w;
            cross += c;
            squaresTimesMask += q;
        }

        weights /= total;
        cross /= total;
        squaresTimesMask /= total;
        return new PairSums(n, sumSquares, weights, cross, (2 * squaresTimesMask) - (2 * cross));
    }
}
