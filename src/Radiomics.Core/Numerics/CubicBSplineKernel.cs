using Radiomics.Imaging;

namespace Radiomics.Numerics;

/// <summary>
/// The uniform cubic B-spline β³ and its interpolation prefilter (Unser, "Splines: a perfect fit for signal and image
/// processing", IEEE Signal Processing Magazine 16(6), 1999; Thévenaz, Blu and Unser, "Interpolation revisited",
/// IEEE TMI 2000): the one copy of this kernel behind the B-spline transform, Mattes' Parzen window, cubic
/// resampling (IBSI grid and through a transform) and the filters that interpolate.
/// </summary>
public static class CubicBSplineKernel
{
    /// <summary>The pole of the cubic prefilter, √3 − 2.</summary>
    public static readonly double Pole = Math.Sqrt(3) - 2;

    /// <summary>β³(t) for any real t (support |t| &lt; 2).</summary>
    public static double Value(double t)
    {
        t = Math.Abs(t);
        if (t < 1)
        {
            return (4 - 6 * t * t + 3 * t * t * t) / 6;
        }

        if (t < 2)
        {
            double u = 2 - t;
            return u * u * u / 6;
        }

        return 0;
    }

    /// <summary>dβ³/dt.</summary>
    public static double Derivative(double t)
    {
        double s = Math.Sign(t);
        t = Math.Abs(t);
        if (t < 1)
        {
            return s * (-2 * t + 1.5 * t * t);
        }

        if (t < 2)
        {
            double u = 2 - t;
            return s * -0.5 * u * u;
        }

        return 0;
    }

    /// <summary>
    /// Weights of knots <c>⌊t⌋−1 … ⌊t⌋+2</c> for a point at fractional position <paramref name="u"/> (0 ≤ u ≤ 1)
    /// past knot <c>⌊t⌋</c>. They sum to one.
    /// </summary>
    public static void Weights(double u, Span<double> w)
    {
        double u2 = u * u, u3 = u2 * u, v = 1 - u;
        w[0] = v * v * v / 6;
        w[1] = (3 * u3 - 6 * u2 + 4) / 6;
        w[2] = (-3 * u3 + 3 * u2 + 3 * u + 1) / 6;
        w[3] = u3 / 6;
    }

    /// <summary>Derivatives of <see cref="Weights"/> with respect to <paramref name="u"/>; they sum to zero.</summary>
    public static void Derivatives(double u, Span<double> d)
    {
        double u2 = u * u, v = 1 - u;
        d[0] = -0.5 * v * v;
        d[1] = 1.5 * u2 - 2 * u;
        d[2] = -1.5 * u2 + u + 0.5;
        d[3] = 0.5 * u2;
    }

    /// <summary>
    /// Whole-sample mirror index (d c b | a b c d | c b a) for a line of <paramref name="n"/> samples: the boundary
    /// the prefilter's initial conditions assume.
    /// </summary>
    public static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        int period = 2 * n - 2;
        i = Math.Abs(i) % period;
        return i < n ? i : period - i;
    }

    /// <summary>
    /// Turns the samples of one line into cubic B-spline coefficients in place: gain 6, then a causal and an
    /// anti-causal recursive filter with whole-sample mirror boundaries.
    /// </summary>
    /// <param name="c">The line; its samples become coefficients.</param>
    /// <param name="tolerance">
    /// Where |z|ᵏ falls below this, the causal initial sum is truncated; shorter lines use the exact mirror sum
    /// (Unser 1999, Box 2). 1e-16 is exact in double precision; registration, which stores floats, uses 1e-8.
    /// </param>
    public static void Prefilter(Span<double> c, double tolerance = 1e-16)
    {
        int n = c.Length;
        if (n < 2)
        {
            return;
        }

        double z = Pole;
        for (int k = 0; k < n; k++)
        {
            c[k] *= 6; // gain (1 − z)(1 − 1/z) of the cubic pole
        }

        c[0] = InitialCausal(c, z, tolerance);
        for (int k = 1; k < n; k++)
        {
            c[k] += z * c[k - 1];
        }

        c[n - 1] = z / (z * z - 1) * (z * c[n - 2] + c[n - 1]);
        for (int k = n - 2; k >= 0; k--)
        {
            c[k] = z * (c[k + 1] - c[k]);
        }
    }

    /// <summary>
    /// Prefilters a volume (x fastest) along each axis in turn, so that <see cref="Weights"/> over 4×4×4
    /// coefficients interpolate the samples.
    /// </summary>
    /// <param name="data">The samples, replaced by coefficients.</param>
    /// <param name="size">The volume's size.</param>
    /// <param name="tolerance">See <see cref="Prefilter(Span{double}, double)"/>.</param>
    /// <param name="parallelism">How many threads (default: all cores).</param>
    public static void PrefilterVolume(double[] data, Size3 size, double tolerance = 1e-16, Parallelism parallelism = default) =>
        PrefilterVolume<double>(data, size, tolerance, parallelism, static v => v, static v => v);

    /// <inheritdoc cref="PrefilterVolume(double[], Size3, double, Parallelism)"/>
    public static void PrefilterVolume(float[] data, Size3 size, double tolerance = 1e-16, Parallelism parallelism = default) =>
        PrefilterVolume<float>(data, size, tolerance, parallelism, static v => v, static v => (float)v);

    private static void PrefilterVolume<T>(
        T[] data, Size3 size, double tolerance, Parallelism parallelism, Func<T, double> toDouble, Func<double, T> fromDouble)
    {
        ArgumentNullException.ThrowIfNull(data);
        int nx = size.X, ny = size.Y, nz = size.Z;
        for (int axis = 0; axis < 3; axis++)
        {
            int n = size[axis];
            if (n < 2)
            {
                continue;
            }

            int stride = axis switch { 0 => 1, 1 => nx, _ => nx * ny };
            int lines = axis switch { 0 => ny * nz, 1 => nx * nz, _ => nx * ny };
            int a = axis;
            ParallelRows.For(0, lines, parallelism, () => new double[n], (line, buffer) =>
            {
                int start = a switch
                {
                    0 => line * nx,
                    1 => (line % nx) + (line / nx) * nx * ny,
                    _ => line,
                };
                for (int i = 0; i < n; i++)
                {
                    buffer[i] = toDouble(data[start + i * stride]);
                }

                Prefilter(buffer, tolerance);
                for (int i = 0; i < n; i++)
                {
                    data[start + i * stride] = fromDouble(buffer[i]);
                }
            });
        }
    }

    private static double InitialCausal(ReadOnlySpan<double> c, double z, double tolerance)
    {
        int n = c.Length;
        int horizon = (int)Math.Ceiling(Math.Log(tolerance) / Math.Log(Math.Abs(z)));
        if (horizon < n)
        {
            double zn = z, sum = c[0];
            for (int k = 1; k < horizon; k++)
            {
                sum += zn * c[k];
                zn *= z;
            }

            return sum;
        }

        double zk = z, iz = 1 / z, z2n = Math.Pow(z, n - 1);
        double total = c[0] + z2n * c[n - 1];
        z2n *= z2n * iz;
        for (int k = 1; k < n - 1; k++)
        {
            total += (zk + z2n) * c[k];
            zk *= z;
            z2n *= iz;
        }

        return total / (1 - zk * zk);
    }
}
