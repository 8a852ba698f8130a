namespace Radiomics.Longitudinal.Resampling;

/// <summary>
/// Cubic B-spline interpolation coefficients of a volume by Unser's recursive filter (pole √3 − 2, mirror
/// boundaries; Unser, IEEE Signal Processing Magazine 16(6), 1999), applied along each axis in turn.
/// </summary>
internal static class BSplineCoefficients
{
    private static readonly double Pole = Math.Sqrt(3) - 2;

    public static float[] Compute(ReadOnlySpan<float> values, Imaging.Size3 size, ParallelOptions parallel)
    {
        var c = values.ToArray();
        int nx = size.X, ny = size.Y, nz = size.Z;
        if (nx > 1)
        {
            Parallel.For(0, ny * nz, parallel, () => new double[nx], (line, _, buffer) =>
            {
                Filter(c, line * nx, 1, nx, buffer);
                return buffer;
            }, _ => { });
        }

        if (ny > 1)
        {
            Parallel.For(0, nx * nz, parallel, () => new double[ny], (line, _, buffer) =>
            {
                int x = line % nx, z = line / nx;
                Filter(c, z * nx * ny + x, nx, ny, buffer);
                return buffer;
            }, _ => { });
        }

        if (nz > 1)
        {
            Parallel.For(0, nx * ny, parallel, () => new double[nz], (line, _, buffer) =>
            {
                Filter(c, line, nx * ny, nz, buffer);
                return buffer;
            }, _ => { });
        }

        return c;
    }

    private static void Filter(float[] data, int start, int stride, int n, double[] s)
    {
        for (int i = 0; i < n; i++)
        {
            s[i] = data[start + i * stride] * 6.0;   // gain (1 − z)(1 − 1/z) = 6 for the cubic pole
        }

        double z = Pole;
        // Causal initialisation with mirror boundaries, truncated where z^k is negligible.
        int horizon = Math.Min(n, (int)Math.Ceiling(Math.Log(1e-8) / Math.Log(Math.Abs(z))));
        double sum = s[0], zk = z;
        for (int k = 1; k < horizon; k++)
        {
            sum += zk * s[k];
            zk *= z;
        }

        s[0] = sum;
        for (int k = 1; k < n; k++)
        {
            s[k] += z * s[k - 1];
        }

        s[n - 1] = z / (z * z - 1) * (s[n - 1] + z * s[n - 2]);
        for (int k = n - 2; k >= 0; k--)
        {
            s[k] = z * (s[k + 1] - s[k]);
        }

        for (int i = 0; i < n; i++)
        {
            data[start + i * stride] = (float)s[i];
        }
    }
}
