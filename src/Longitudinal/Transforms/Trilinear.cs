using System.Runtime.CompilerServices;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Trilinear interpolation in a float volume at a continuous index, with the border value extended outside the
/// grid (like scipy's <c>mode="nearest"</c>).
/// </summary>
internal static class Trilinear
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sample(ReadOnlySpan<float> v, Size3 size, double x, double y, double z) => (float)SampleDouble(v, size, x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SampleDouble(ReadOnlySpan<float> v, Size3 size, double x, double y, double z)
    {
        Corner(x, size.X, out int x0, out int x1, out double fx);
        Corner(y, size.Y, out int y0, out int y1, out double fy);
        Corner(z, size.Z, out int z0, out int z1, out double fz);
        int nx = size.X, nxy = size.X * size.Y;
        int r00 = z0 * nxy + y0 * nx, r01 = z0 * nxy + y1 * nx, r10 = z1 * nxy + y0 * nx, r11 = z1 * nxy + y1 * nx;
        double c00 = v[r00 + x0] + fx * (v[r00 + x1] - v[r00 + x0]);
        double c01 = v[r01 + x0] + fx * (v[r01 + x1] - v[r01 + x0]);
        double c10 = v[r10 + x0] + fx * (v[r10 + x1] - v[r10 + x0]);
        double c11 = v[r11 + x0] + fx * (v[r11 + x1] - v[r11 + x0]);
        double c0 = c00 + fy * (c01 - c00);
        double c1 = c10 + fy * (c11 - c10);
        return c0 + fz * (c1 - c0);
    }

    /// <summary>Lower and upper neighbour and the fraction between them, clamped to the grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Corner(double t, int n, out int i0, out int i1, out double f)
    {
        if (t <= 0)
        {
            i0 = i1 = 0;
            f = 0;
            return;
        }

        if (t >= n - 1)
        {
            i0 = i1 = n - 1;
            f = 0;
            return;
        }

        i0 = (int)t;
        i1 = i0 + 1;
        f = t - i0;
    }
}
