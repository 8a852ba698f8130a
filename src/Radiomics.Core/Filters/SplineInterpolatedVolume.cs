using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Filters;

/// <summary>
/// A volume interpolated by cubic B-splines at any continuous index (the coefficients of
/// <see cref="CubicBSplineKernel.PrefilterVolume(double[], Size3, double, Parallelism)"/>, then a 4×4×4 weighted
/// sum). scipy's <c>map_coordinates(order=3)</c> interpolates the same way inside the image; beyond the edge positions
/// mirror back inside.
/// </summary>
internal sealed class SplineInterpolatedVolume
{
    private readonly double[] _coefficients;
    private readonly int _nx, _ny, _nz;

    public SplineInterpolatedVolume(double[] voxels, Size3 size)
    {
        _nx = size.X;
        _ny = size.Y;
        _nz = size.Z;
        _coefficients = (double[])voxels.Clone();
        CubicBSplineKernel.PrefilterVolume(_coefficients, size);
    }

    /// <summary>The spline coefficients, x fastest.</summary>
    public double[] Coefficients => _coefficients;

    /// <summary>The interpolated value at continuous index (x, y, z).</summary>
    public double At(double x, double y, double z)
    {
        int ix = (int)Math.Floor(x), iy = (int)Math.Floor(y), iz = (int)Math.Floor(z);
        Span<double> wx = stackalloc double[4], wy = stackalloc double[4], wz = stackalloc double[4];
        CubicBSplineKernel.Weights(x - ix, wx);
        CubicBSplineKernel.Weights(y - iy, wy);
        CubicBSplineKernel.Weights(z - iz, wz);
        double sum = 0;
        for (int c = 0; c < 4; c++)
        {
            int zz = CubicBSplineKernel.Mirror(iz - 1 + c, _nz);
            for (int b = 0; b < 4; b++)
            {
                int yy = CubicBSplineKernel.Mirror(iy - 1 + b, _ny);
                int row = _nx * (yy + _ny * zz);
                double w = wz[c] * wy[b];
                for (int a = 0; a < 4; a++)
                {
                    sum += w * wx[a] * _coefficients[row + CubicBSplineKernel.Mirror(ix - 1 + a, _nx)];
                }
            }
        }

        return sum;
    }
}
