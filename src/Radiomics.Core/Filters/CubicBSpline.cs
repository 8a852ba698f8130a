namespace Radiomics.Filters;

/// <summary>
/// Cubic B-spline interpolation of a volume (Unser 1999, "Splines: a perfect fit for signal and image processing"):
/// coefficients from a causal and an anti-causal recursive filter per axis (pole √3 − 2, mirror boundary), then
/// a 4×4×4 weighted sum at any continuous index. scipy's <c>map_coordinates(order=3)</c> interpolates the same way
/// inside the image.
/// </summary>
internal sealed class CubicBSpline
{
    private static readonly double Pole = Math.Sqrt(3) - 2;
    private readonly double[] _coefficients;
    private readonly int _nx, _ny, _nz;

    public CubicBSpline(double[] voxels, int nx, int ny, int nz)
    {
        _nx = nx;
        _ny = ny;
        _nz = nz;
        _coefficients = (double[])voxels.Clone();
        Prefilter(nx, 1, ny * nz, 0);
        Prefilter(ny, nx, nx * nz, 1);
        Prefilter(nz, nx * ny, nx * ny, 2);
    }

    /// <summary>The spline coefficients, x fastest.</summary>
    public double[] Coefficients => _coefficients;

    /// <summary>The four weights of the samples at ⌊t⌋−1 … ⌊t⌋+2 for fractional part <paramref name="t"/>.</summary>
    public static void Weights(double t, Span<double> w)
    {
        double s = 1 - t;
        w[0] = s * s * s / 6;
        w[1] = (4 - 6 * t * t + 3 * t * t * t) / 6;
        w[2] = (4 - 6 * s * s + 3 * s * s * s) / 6;
        w[3] = t * t * t / 6;
    }

    /// <summary>The interpolated value at continuous index (x, y, z); positions beyond the edge mirror back inside.</summary>
    public double At(double x, double y, double z)
    {
        int ix = (int)Math.Floor(x), iy = (int)Math.Floor(y), iz = (int)Math.Floor(z);
        Span<double> wx = stackalloc double[4], wy = stackalloc double[4], wz = stackalloc double[4];
        Weights(x - ix, wx);
        Weights(y - iy, wy);
        Weights(z - iz, wz);
        double sum = 0;
        for (int c = 0; c < 4; c++)
        {
            int zz = Mirror(iz - 1 + c, _nz);
            for (int b = 0; b < 4; b++)
            {
                int yy = Mirror(iy - 1 + b, _ny);
                int row = _nx * (yy + _ny * zz);
                double w = wz[c] * wy[b];
                for (int a = 0; a < 4; a++)
                {
                    sum += w * wx[a] * _coefficients[row + Mirror(ix - 1 + a, _nx)];
                }
            }
        }

        return sum;
    }

    /// <summary>Whole-sample mirror (d c b | a b c d | c b a), the boundary of the prefilter's initial conditions.</summary>
    private static int Mirror(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        int period = 2 * n - 2;
        i = Math.Abs(i) % period;
        return i < n ? i : period - i;
    }

    private void Prefilter(int n, int stride, int lines, int axis)
    {
        if (n == 1)
        {
            return;
        }

        var data = _coefficients;
        int nx = _nx, ny = _ny;
        Parallel.For(0, lines, () => new double[n], (line, _, buffer) =>
        {
            int start = axis switch
            {
                0 => line * n,
                1 => (line % nx) + (line / nx) * nx * ny,
                _ => line,
            };
            for (int i = 0; i < n; i++)
            {
                buffer[i] = data[start + i * stride] * 6;
            }

            Filter(buffer);
            for (int i = 0; i < n; i++)
            {
                data[start + i * stride] = buffer[i];
            }

            return buffer;
        }, _ => { });
    }

    private static void Filter(double[] c)
    {
        int n = c.Length;
        double z = Pole;
        double sum;
        if (n > 30)
        {
            // z^30 < 1e-17: the truncated mirror sum is exact in double precision.
            double zk = z;
            sum = c[0];
            for (int k = 1; k < 30; k++)
            {
                sum += zk * c[k];
                zk *= z;
            }
        }
        else
        {
            // Exact initial value for whole-sample mirror boundaries (Unser 1999, Box 2).
            double zn = Math.Pow(z, n - 1), iz = 1 / z, z2n = zn * zn * iz;
            double zk = z;
            sum = c[0] + zn * c[n - 1];
            for (int k = 1; k < n - 1; k++)
            {
                sum += (zk + z2n) * c[k];
                zk *= z;
                z2n *= iz;
            }

            sum /= 1 - zn * zn;
        }

        c[0] = sum;
        for (int k = 1; k < n; k++)
        {
            c[k] += z * c[k - 1];
        }

        c[n - 1] = z / (z * z - 1) * (c[n - 1] + z * c[n - 2]);
        for (int k = n - 2; k >= 0; k--)
        {
            c[k] = z * (c[k + 1] - c[k]);
        }
    }
}
