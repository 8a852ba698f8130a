using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>Separable 3D forward FFT on a grid stored x fastest, parallel over lines and planes.</summary>
internal static class Fft3D
{
    /// <summary>
    /// Transforms <paramref name="data"/> in place. Only the block [0, support) can be non-zero before the transform;
    /// lines that are still all zero when their axis is transformed are skipped.
    /// </summary>
    public static void Forward(Complex[] data, Size3 grid, Size3 support)
    {
        int gx = grid.X, gy = grid.Y, gz = grid.Z;
        int planeSize = gx * gy;

        // Along x: contiguous lines; only y < support.Y and z < support.Z hold data.
        var fx = new Fft(gx);
        Parallel.For(0, support.Z, () => new Complex[gx], (z, _, scratch) =>
        {
            for (int y = 0; y < support.Y; y++)
            {
                fx.Forward(data.AsSpan((z * planeSize) + (y * gx), gx), scratch);
            }

            return scratch;
        }, _ => { });

        // Along y: a plane [y][x] is already a batch of gx sequences; planes z < support.Z hold data.
        var fy = new Fft(gy);
        Parallel.For(0, support.Z, () => new Complex[planeSize], (z, _, scratch) =>
        {
            fy.ForwardBatch(data.AsSpan(z * planeSize, planeSize), scratch, gx);
            return scratch;
        }, _ => { });

        // Along z: for each y, gather the rows [z][x] into a batch of gx sequences.
        var fz = new Fft(gz);
        Parallel.For(0, gy, () => (new Complex[gz * gx], new Complex[gz * gx]), (y, _, buffers) =>
        {
            var (rows, scratch) = buffers;
            for (int z = 0; z < gz; z++)
            {
                data.AsSpan((z * planeSize) + (y * gx), gx).CopyTo(rows.AsSpan(z * gx, gx));
            }

            fz.ForwardBatch(rows, scratch, gx);
            for (int z = 0; z < gz; z++)
            {
                rows.AsSpan(z * gx, gx).CopyTo(data.AsSpan((z * planeSize) + (y * gx), gx));
            }

            return buffers;
        }, _ => { });
    }
}
