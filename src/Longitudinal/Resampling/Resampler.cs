using Radiomics.Processing;
using Radiomics.Numerics;
using System.Numerics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Resampling;

/// <summary>
/// Resamples images through a transform onto a reference grid, as SimpleITK's <c>Resample</c>: output voxel
/// <c>x</c> takes the input's value at <c>T(x)</c>. Points more than half a voxel outside the input get
/// <c>defaultValue</c>; within that margin the border is continued. The input is not modified; the output keeps the
/// input's voxel type (rounded and saturated for integer types) and number of components.
/// </summary>
public static class Resampler
{
    public static Image<T> Resample<T>(
        Image<T> image, ITransform transform, ImageGeometry reference, Interpolator interpolator = Interpolator.Linear,
        double defaultValue = 0, Parallelism parallelism = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(reference);
        var output = new T[reference.VoxelCount * image.Components];
        int count = (int)reference.VoxelCount;
        var mapper = new PointMapper(transform, reference, image.Geometry);
        var source = image.Geometry.Size;
        var size = reference.Size;
        bool integer = PixelTypes.Of<T>().IsInteger();
        for (int c = 0; c < image.Components; c++)
        {
            float[] values = ToFloat(image.Channel(c));
            if (interpolator == Interpolator.BSpline)
            {
                // Coefficients are stored as floats, so the causal sum stops where |z|^k < 1e-8.
                CubicBSplineKernel.PrefilterVolume(values, source, 1e-8, parallelism);
            }

            int channel = c;
            ParallelRows.For(0, size.Z, parallelism, 3 * size.X, (int z, Span<double> points) =>
            {
                var px = points[..size.X];
                var py = points.Slice(size.X, size.X);
                var pz = points[(2 * size.X)..];
                var dst = output.AsSpan(channel * count, count);
                for (int y = 0; y < size.Y; y++)
                {
                    mapper.MapRow(y, z, px, py, pz);
                    int o = (z * size.Y + y) * size.X;
                    for (int x = 0; x < size.X; x++)
                    {
                        double v = Inside(source, px[x], py[x], pz[x])
                            ? interpolator switch
                            {
                                Interpolator.NearestNeighbour => Nearest(values, source, px[x], py[x], pz[x]),
                                Interpolator.BSpline => Cubic(values, source, px[x], py[x], pz[x]),
                                _ => Trilinear.Sample(values, source, px[x], py[x], pz[x]),
                            }
                            : defaultValue;
                        dst[o + x] = integer ? T.CreateSaturating(Math.Round(v)) : T.CreateSaturating(v);
                    }
                }
            });
        }

        return new Image<T>(reference, output, image.Components);
    }

    /// <summary>Resamples an image of any voxel type (see the generic overload); the output keeps that type.</summary>
    public static Image Resample(Image image, ITransform transform, ImageGeometry reference, Interpolator interpolator = Interpolator.Linear, double defaultValue = 0, Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Apply(new Resampling(transform, reference, interpolator, defaultValue, parallelism));
    }

    private sealed record Resampling(ITransform Transform, ImageGeometry Reference, Interpolator Interpolator, double DefaultValue, Parallelism Parallelism) : IImageFunction<Image>
    {
        public Image Invoke<T>(Image<T> image) where T : unmanaged, INumber<T> =>
            Resample(image, Transform, Reference, Interpolator, DefaultValue, Parallelism);
    }

    internal static bool Inside(Size3 size, double x, double y, double z) =>
        x >= -0.5 && y >= -0.5 && z >= -0.5 && x <= size.X - 0.5 && y <= size.Y - 0.5 && z <= size.Z - 0.5;

    private static float[] ToFloat<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T>
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = float.CreateTruncating(values[i]);
        }

        return result;
    }

    private static double Nearest(float[] v, Size3 size, double x, double y, double z)
    {
        int ix = Math.Clamp((int)Math.Round(x), 0, size.X - 1);
        int iy = Math.Clamp((int)Math.Round(y), 0, size.Y - 1);
        int iz = Math.Clamp((int)Math.Round(z), 0, size.Z - 1);
        return v[ix + size.X * (iy + size.Y * iz)];
    }

    private static double Cubic(float[] c, Size3 size, double x, double y, double z)
    {
        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        Span<double> wz = stackalloc double[4];
        int fx = (int)Math.Floor(x), fy = (int)Math.Floor(y), fz = (int)Math.Floor(z);
        CubicBSplineKernel.Weights(x - fx, wx);
        CubicBSplineKernel.Weights(y - fy, wy);
        CubicBSplineKernel.Weights(z - fz, wz);
        double sum = 0;
        for (int k = 0; k < 4; k++)
        {
            int iz = CubicBSplineKernel.Mirror(fz - 1 + k, size.Z);
            double sy = 0;
            for (int j = 0; j < 4; j++)
            {
                int iy = CubicBSplineKernel.Mirror(fy - 1 + j, size.Y);
                int row = size.X * (iy + size.Y * iz);
                double sx = 0;
                for (int i = 0; i < 4; i++)
                {
                    sx += wx[i] * c[row + CubicBSplineKernel.Mirror(fx - 1 + i, size.X)];
                }

                sy += wy[j] * sx;
            }

            sum += wz[k] * sy;
        }

        return sum;
    }
}
