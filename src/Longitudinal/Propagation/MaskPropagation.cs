using Radiomics.Numerics;
using Radiomics.Processing;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Propagation;

/// <summary>
/// Carries label maps (tumour masks, habitat maps) from one time point to another through a registration
/// transform: the output voxel <c>x</c> on the reference grid takes the label found at <c>T(x)</c>, with <c>T</c>
/// mapping reference (follow-up) points into the label map's (baseline) space.
/// </summary>
public static class MaskPropagation
{
    public static LabelMap Propagate(
        LabelMap labels, ITransform transform, ImageGeometry reference, LabelInterpolation interpolation = LabelInterpolation.LinearArgMax,
        Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(reference);
        if (interpolation == LabelInterpolation.NearestNeighbor)
        {
            return new LabelMap(Resampler.Resample(labels.Image, transform, reference, Interpolator.NearestNeighbour, 0, parallelism));
        }

        var source = labels.Geometry.Size;
        var size = reference.Size;
        var values = labels.Voxels.ToArray();
        var result = new byte[reference.VoxelCount];
        var mapper = new PointMapper(transform, reference, labels.Geometry);
        ParallelRows.For(0, size.Z, parallelism, 3 * size.X, (int z, Span<double> points) =>
        {
            var px = points[..size.X];
            var py = points.Slice(size.X, size.X);
            var pz = points[(2 * size.X)..];
            Span<float> weight = stackalloc float[256];
            Span<byte> seen = stackalloc byte[8];
            for (int y = 0; y < size.Y; y++)
            {
                mapper.MapRow(y, z, px, py, pz);
                int o = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    result[o + x] = ArgMax(values, source, px[x], py[x], pz[x], weight, seen);
                }
            }
        });
        return new LabelMap(new Image<byte>(reference, result));
    }

    /// <summary>Label with the largest summed trilinear weight; neighbours outside the map count as background.</summary>
    private static byte ArgMax(byte[] v, Size3 size, double x, double y, double z, Span<float> weight, Span<byte> seen)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y), z0 = (int)Math.Floor(z);
        double fx = x - x0, fy = y - y0, fz = z - z0;
        int distinct = 0;
        float background = 0;
        for (int corner = 0; corner < 8; corner++)
        {
            int dx = corner & 1, dy = (corner >> 1) & 1, dz = corner >> 2;
            double w = (dx == 1 ? fx : 1 - fx) * (dy == 1 ? fy : 1 - fy) * (dz == 1 ? fz : 1 - fz);
            if (w == 0)
            {
                continue;
            }

            int ix = x0 + dx, iy = y0 + dy, iz = z0 + dz;
            byte label = size.Contains(ix, iy, iz) ? v[ix + size.X * (iy + size.Y * iz)] : (byte)0;
            if (label == 0)
            {
                background += (float)w;
                continue;
            }

            if (weight[label] == 0)
            {
                seen[distinct++] = label;
            }

            weight[label] += (float)w;
        }

        byte best = 0;
        float bestWeight = background;
        for (int i = 0; i < distinct; i++)
        {
            byte label = seen[i];
            // Ties between foreground labels go to the smaller label; a tie with background goes to the foreground.
            if (weight[label] > bestWeight || (weight[label] == bestWeight && (best == 0 || label < best)))
            {
                best = label;
                bestWeight = weight[label];
            }

            weight[label] = 0;
        }

        return best;
    }
}
