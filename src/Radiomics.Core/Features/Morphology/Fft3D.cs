using System.Buffers;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>Separable 3D forward FFT on a grid stored x fastest, parallel over lines.</summary>
internal static class Fft3D
{
    /// <summary>
    /// Transforms <paramref name="data"/> in place. Only the block [0, support) can be non-zero before the transform;
    /// lines that are still all zero when their axis is transformed are skipped.
    /// </summary>
    public static void Forward(Complex[] data, Size3 grid, Size3 support)
    {
        int gx = grid.X, gy = grid.Y, gz = grid.Z;

        // Along x: only lines with y < support.Y and z < support.Z hold data.
        var fx = new Fft(gx);
        Parallel.For(0, support.Z, () => new Complex[gx], (z, _, scratch) =>
        {
            for (int y = 0; y < support.Y; y++)
            {
                fx.Forward(data.AsSpan((int)(((long)z * gy + y) * gx), gx), scratch);
            }

            return scratch;
        }, _ => { });

        // Along y: planes z < support.Z, every x column.
        var fy = new Fft(gy);
        Parallel.For(0, support.Z, () => (new Complex[gy], new Complex[gy]), (z, _, buffers) =>
        {
            var (line, scratch) = buffers;
            long plane = (long)z * gy * gx;
            for (int x = 0; x < gx; x++)
            {
                for (int y = 0; y < gy; y++)
                {
                    line[y] = data[plane + ((long)y * gx) + x];
                }

                fy.Forward(line, scratch);
                for (int y = 0; y < gy; y++)
                {
                    data[plane + ((long)y * gx) + x] = line[y];
                }
            }

            return buffers;
        }, _ => { });

        // Along z: every (x, y) line; gather a block of x at a time for cache-friendly strides.
        var fz = new Fft(gz);
        long planeSize = (long)gx * gy;
        Parallel.For(0, gy, () => (new Complex[gz], new Complex[gz]), (y, _, buffers) =>
        {
            var (line, scratch) = buffers;
            for (int x = 0; x < gx; x++)
            {
                long offset = ((long)y * gx) + x;
                for (int z = 0; z < gz; z++)
                {
                    line[z] = data[offset + (z * planeSize)];
                }

                fz.Forward(line, scratch);
                for (int z = 0; z < gz; z++)
                {
                    data[offset + (z * planeSize)] = line[z];
                }
            }

            return buffers;
        }, _ => { });
    }
}
