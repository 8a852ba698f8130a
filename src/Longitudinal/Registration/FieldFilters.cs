using System.Numerics.Tensors;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Separable filters on float volumes of the dense refinement: Gaussian smoothing and box sums, borders continued.
/// Every output voxel is computed by one thread from the same inputs in the same order, so results are identical for
/// any thread count.
/// </summary>
internal static class FieldFilters
{
    /// <summary>Gaussian smoothing in place with a standard deviation per axis in voxels (axes with σ below 0.05 or one voxel are left alone).</summary>
    public static void Gaussian(float[] data, float[] scratch, Size3 size, Vec3 sigma, Parallelism parallelism)
    {
        var current = data;
        var other = scratch;
        for (int axis = 0; axis < 3; axis++)
        {
            if (sigma[axis] < 0.05 || size[axis] == 1)
            {
                continue;
            }

            Convolve(current, other, size, axis, GaussianKernel(sigma[axis]), parallelism);
            (current, other) = (other, current);
        }

        if (!ReferenceEquals(current, data))
        {
            current.AsSpan().CopyTo(data);
        }
    }

    /// <summary>Sums over a box of 2r + 1 voxels along each axis (r per axis), border voxels repeated; in place.</summary>
    public static void BoxSum(float[] data, float[] scratch, Size3 size, Index3 radius, Parallelism parallelism)
    {
        var current = data;
        var other = scratch;
        for (int axis = 0; axis < 3; axis++)
        {
            if (size[axis] == 1 || radius[axis] == 0)
            {
                continue;
            }

            Convolve(current, other, size, axis, Enumerable.Repeat(1f, 2 * radius[axis] + 1).ToArray(), parallelism);
            (current, other) = (other, current);
        }

        if (!ReferenceEquals(current, data))
        {
            current.AsSpan().CopyTo(data);
        }
    }

    private static float[] GaussianKernel(double sigma)
    {
        int radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++)
        {
            sum += Math.Exp(-0.5 * i * i / (sigma * sigma));
        }

        for (int i = -radius; i <= radius; i++)
        {
            k[i + radius] = (float)(Math.Exp(-0.5 * i * i / (sigma * sigma)) / sum);
        }

        return k;
    }

    /// <summary>Convolves along one axis with a centred kernel of odd length.</summary>
    private static void Convolve(float[] input, float[] output, Size3 size, int axis, float[] kernel, Parallelism parallelism)
    {
        int radius = kernel.Length / 2;
        int nx = size.X, ny = size.Y, nz = size.Z;
        if (axis == 0)
        {
            ParallelRows.For(0, nz, parallelism, z =>
            {
                for (int y = 0; y < ny; y++)
                {
                    var line = input.AsSpan((z * ny + y) * nx, nx);
                    var target = output.AsSpan((z * ny + y) * nx, nx);
                    for (int x = 0; x < nx; x++)
                    {
                        float sum = 0;
                        if (x >= radius && x + radius < nx)
                        {
                            // Inside: no clamping (the same products in the same order as at the borders).
                            var window = line.Slice(x - radius, kernel.Length);
                            for (int k = 0; k < kernel.Length; k++)
                            {
                                sum += kernel[k] * window[k];
                            }
                        }
                        else
                        {
                            for (int k = -radius; k <= radius; k++)
                            {
                                sum += kernel[k + radius] * line[Math.Clamp(x + k, 0, nx - 1)];
                            }
                        }

                        target[x] = sum;
                    }
                }
            });
            return;
        }

        int n = size[axis];
        int others = axis == 1 ? nz : ny;
        ParallelRows.For(0, others * n, parallelism, t =>
        {
            int other = t / n, j = t % n;
            int outRow = axis == 1 ? (other * n + j) * nx : (j * ny + other) * nx;
            var target = output.AsSpan(outRow, nx);
            target.Clear();
            for (int k = -radius; k <= radius; k++)
            {
                int p = Math.Clamp(j + k, 0, n - 1);
                int inRow = axis == 1 ? (other * n + p) * nx : (p * ny + other) * nx;
                TensorPrimitives.MultiplyAdd(input.AsSpan(inRow, nx), kernel[k + radius], target, target);
            }
        });
    }
}
