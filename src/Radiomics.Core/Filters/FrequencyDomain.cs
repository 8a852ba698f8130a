using Radiomics.Numerics;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// Filtering by multiplication in the Fourier domain, for filters defined there (Simoncelli wavelets, Riesz
/// transforms) or whose kernels are as large as the image (Gabor). The image is padded on each side by
/// <c>pad</c> voxels with the boundary condition, transformed, multiplied by a transfer function of the padded
/// grid, transformed back and cropped. A 2D filter transforms each axial slice on its own.
/// </summary>
internal static class FrequencyDomain
{
    /// <summary>Grid of the padded transform: <c>n + 2·pad</c> along each filtered axis.</summary>
    public static Size3 PaddedSize(Size3 size, int[] pad, FilterDimensions dimensions) =>
        new(size.X + 2 * pad[0], size.Y + 2 * pad[1], dimensions == FilterDimensions.ThreeD ? size.Z + 2 * pad[2] : 1);

    /// <summary>
    /// Real part of the filtered image. <paramref name="transfer"/> covers the padded grid (one slice of it in
    /// 2D); it is indexed like the transform, DC at index 0.
    /// </summary>
    public static double[] Filter(double[] voxels, Size3 size, int[] pad, BoundaryCondition boundary, FilterDimensions dimensions, Complex[] transfer)
    {
        var padded = PaddedSize(size, pad, dimensions);
        var result = new double[voxels.Length];
        if (dimensions == FilterDimensions.ThreeD)
        {
            var data = new Complex[padded.Count];
            PadInto(voxels, size, pad, boundary, data, padded, 0, size.Z);
            Fft.Transform(data, padded, inverse: false);
            Multiply(data, transfer);
            Fft.Transform(data, padded, inverse: true);
            CropReal(data, padded, pad, result, size, 0);
            return result;
        }

        ParallelRows.For(0, size.Z, Parallelism.AllCores, () => new Complex[padded.Count], (z, data) =>
        {
            PadInto(voxels, size, pad, boundary, data, padded, z, 1);
            Fft.Transform(data, padded, inverse: false, alongZ: false, parallel: false);
            Multiply(data, transfer);
            Fft.Transform(data, padded, inverse: true, alongZ: false, parallel: false);
            CropReal(data, padded, pad, result, size, z);
        });
        return result;
    }

    /// <summary>
    /// Copies slices <c>[z0, z0 + slices)</c> of the image into <paramref name="data"/>, padded by <paramref name="pad"/>
    /// voxels on each side of every axis of <paramref name="padded"/> (z only in 3D).
    /// </summary>
    public static void PadInto(double[] voxels, Size3 size, int[] pad, BoundaryCondition boundary, Complex[] data, Size3 padded, int z0, int slices)
    {
        int px = pad[0], py = pad[1], pz = padded.Z == 1 && slices == 1 ? 0 : pad[2];
        Span<int> xs = padded.X <= 4096 ? stackalloc int[padded.X] : new int[padded.X];
        for (int t = 0; t < padded.X; t++)
        {
            xs[t] = BoundaryConditions.Map(t - px, size.X, boundary);
        }

        for (int tz = 0; tz < padded.Z; tz++)
        {
            int z = slices == 1 ? z0 : BoundaryConditions.Map(tz - pz, size.Z, boundary);
            for (int ty = 0; ty < padded.Y; ty++)
            {
                int y = BoundaryConditions.Map(ty - py, size.Y, boundary);
                int row = padded.X * (ty + padded.Y * tz);
                if (z < 0 || y < 0)
                {
                    data.AsSpan(row, padded.X).Clear();
                    continue;
                }

                int source = size.X * (y + size.Y * z);
                for (int tx = 0; tx < padded.X; tx++)
                {
                    int x = xs[tx];
                    data[row + tx] = x < 0 ? Complex.Zero : new Complex(voxels[source + x], 0);
                }
            }
        }
    }

    /// <summary>Writes the real part of the unpadded block of <paramref name="data"/> into slice(s) of <paramref name="result"/> from <paramref name="z0"/>.</summary>
    public static void CropReal(Complex[] data, Size3 padded, int[] pad, double[] result, Size3 size, int z0)
    {
        int slices = padded.Z == 1 ? 1 : size.Z;
        int pz = padded.Z == 1 ? 0 : pad[2];
        for (int z = 0; z < slices; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                int row = pad[0] + padded.X * (y + pad[1] + padded.Y * (z + pz));
                int target = size.X * (y + size.Y * (z + z0));
                for (int x = 0; x < size.X; x++)
                {
                    result[target + x] = data[row + x].Real;
                }
            }
        }
    }

    /// <summary>Element-wise product with a transfer function of the same length.</summary>
    public static void Multiply(Complex[] data, Complex[] transfer)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] *= transfer[i];
        }
    }

    /// <summary>The DFT on <paramref name="n"/> points of an odd kernel centred at index 0 (negative taps wrap around).</summary>
    public static Complex[] KernelSpectrum(double[] kernel, int n)
    {
        var data = new Complex[n];
        int c = kernel.Length / 2;
        for (int j = 0; j < kernel.Length; j++)
        {
            int i = ((j - c) % n + n) % n;
            data[i] += kernel[j];
        }

        FftPlan.For(n).Transform(data, inverse: false);
        return data;
    }
}
