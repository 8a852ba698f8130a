using System.Buffers;
using System.Numerics.Tensors;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Filters;

/// <summary>
/// One-dimensional convolution of a volume along one axis, with a boundary condition. Every axis is done as a sum
/// of scaled, shifted rows (<c>out += k[j] · padded[shift]</c>) so that the inner loop is a vectorised
/// multiply-add over contiguous memory whichever axis is filtered; lines, slices or column blocks run in parallel.
/// </summary>
/// <remarks>
/// Convolution (not correlation), as in scipy's <c>convolve1d</c>: <c>out[i] = Σ_j k[j] · in[i + c − j]</c> with
/// <c>c = (K − 1) / 2</c>. Kernels of even length are extended with a trailing zero, which fixes where an even
/// kernel (Haar, Daubechies) sits on the grid the way IBSI 2 reference implementations place it.
/// </remarks>
internal static class SeparableConvolution
{
    /// <summary>Columns of a z-plane handled by one task when filtering along z.</summary>
    private const int ColumnBlock = 2048;

    /// <summary>An odd-length copy of <paramref name="kernel"/> (a trailing zero appended when it is even).</summary>
    public static double[] Odd(ReadOnlySpan<double> kernel)
    {
        if (kernel.Length % 2 == 1)
        {
            return kernel.ToArray();
        }

        var odd = new double[kernel.Length + 1];
        kernel.CopyTo(odd);
        return odd;
    }

    /// <summary>The kernel with <c>2^(level−1) − 1</c> zeros between taps (the "à trous" dilation of undecimated wavelets).</summary>
    public static double[] Dilate(double[] kernel, int factor)
    {
        if (factor == 1)
        {
            return kernel;
        }

        var result = new double[(kernel.Length - 1) * factor + 1];
        for (int i = 0; i < kernel.Length; i++)
        {
            result[i * factor] = kernel[i];
        }

        return result;
    }

    /// <summary>Convolves <paramref name="source"/> with an odd-length kernel along <paramref name="axis"/> into <paramref name="target"/>.</summary>
    public static void Convolve(double[] source, double[] target, Size3 size, int axis, double[] kernel, BoundaryCondition boundary)
    {
        if (kernel.Length % 2 == 0)
        {
            throw new ArgumentException("Kernels are odd-length here; extend with SeparableConvolution.Odd.", nameof(kernel));
        }

        if (ReferenceEquals(source, target))
        {
            throw new ArgumentException("Source and target must be different buffers.", nameof(target));
        }

        switch (axis)
        {
            case 0:
                ConvolveX(source, target, size, kernel, boundary);
                break;
            case 1:
                ConvolveY(source, target, size, kernel, boundary);
                break;
            case 2:
                ConvolveZ(source, target, size, kernel, boundary);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2.");
        }
    }

    /// <summary>Applies one kernel per axis (null skips the axis); returns a new buffer, never <paramref name="source"/>.</summary>
    public static double[] Apply(double[] source, Size3 size, double[]?[] kernels, BoundaryCondition boundary)
    {
        double[]? current = null;
        for (int axis = 0; axis < 3; axis++)
        {
            if (kernels[axis] is not { } k)
            {
                continue;
            }

            var next = new double[source.Length];
            Convolve(current ?? source, next, size, axis, k, boundary);
            current = next;
        }

        return current ?? (double[])source.Clone();
    }

    private static void ConvolveX(double[] source, double[] target, Size3 size, double[] kernel, BoundaryCondition boundary)
    {
        int n = size.X, k = kernel.Length, c = k / 2;
        ParallelRows.For(0, size.Z, Parallelism.AllCores, z =>
        {
            var padded = ArrayPool<double>.Shared.Rent(n + k - 1);
            try
            {
                for (int y = 0; y < size.Y; y++)
                {
                    int offset = n * (y + size.Y * z);
                    var line = source.AsSpan(offset, n);
                    for (int t = 0; t < n + k - 1; t++)
                    {
                        int m = BoundaryConditions.Map(t - c, n, boundary);
                        padded[t] = m < 0 ? 0 : line[m];
                    }

                    Accumulate(padded, n, kernel, target.AsSpan(offset, n), 1);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(padded);
            }
        });
    }

    private static void ConvolveY(double[] source, double[] target, Size3 size, double[] kernel, BoundaryCondition boundary)
    {
        int nx = size.X, ny = size.Y, k = kernel.Length, c = k / 2;
        ParallelRows.For(0, size.Z, Parallelism.AllCores, z =>
        {
            var padded = ArrayPool<double>.Shared.Rent((ny + k - 1) * nx);
            try
            {
                int slice = nx * ny * z;
                for (int t = 0; t < ny + k - 1; t++)
                {
                    int m = BoundaryConditions.Map(t - c, ny, boundary);
                    var row = padded.AsSpan(t * nx, nx);
                    if (m < 0)
                    {
                        row.Clear();
                    }
                    else
                    {
                        source.AsSpan(slice + m * nx, nx).CopyTo(row);
                    }
                }

                Accumulate(padded, ny, kernel, target.AsSpan(slice, nx * ny), nx);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(padded);
            }
        });
    }

    private static void ConvolveZ(double[] source, double[] target, Size3 size, double[] kernel, BoundaryCondition boundary)
    {
        int plane = size.X * size.Y, nz = size.Z, k = kernel.Length, c = k / 2;
        int blocks = (plane + ColumnBlock - 1) / ColumnBlock;
        ParallelRows.For(0, blocks, Parallelism.AllCores, b =>
        {
            int start = b * ColumnBlock, width = Math.Min(ColumnBlock, plane - start);
            var padded = ArrayPool<double>.Shared.Rent((nz + k - 1) * width);
            var result = ArrayPool<double>.Shared.Rent(nz * width);
            try
            {
                for (int t = 0; t < nz + k - 1; t++)
                {
                    int m = BoundaryConditions.Map(t - c, nz, boundary);
                    var row = padded.AsSpan(t * width, width);
                    if (m < 0)
                    {
                        row.Clear();
                    }
                    else
                    {
                        source.AsSpan(m * plane + start, width).CopyTo(row);
                    }
                }

                Accumulate(padded, nz, kernel, result.AsSpan(0, nz * width), width);
                for (int z = 0; z < nz; z++)
                {
                    result.AsSpan(z * width, width).CopyTo(target.AsSpan(z * plane + start, width));
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(padded);
                ArrayPool<double>.Shared.Return(result);
            }
        });
    }

    /// <summary>
    /// <c>output[i] = Σ_j k[j] · padded[i + 2c − j]</c> for <paramref name="count"/> rows of <paramref name="width"/>
    /// values: rows are shifted views of the padded buffer, so each tap is one multiply-add over a contiguous block.
    /// </summary>
    private static void Accumulate(double[] padded, int count, double[] kernel, Span<double> output, int width)
    {
        int c = kernel.Length / 2;
        int length = count * width;
        output.Clear();
        for (int j = 0; j < kernel.Length; j++)
        {
            double w = kernel[j];
            if (w == 0)
            {
                continue;
            }

            var shifted = padded.AsSpan((2 * c - j) * width, length);
            TensorPrimitives.MultiplyAdd(shifted, w, output, output);
        }
    }
}
