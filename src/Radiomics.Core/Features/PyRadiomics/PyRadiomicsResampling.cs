using Radiomics.Imaging;
using Radiomics.Numerics;
using Radiomics.Processing;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// PyRadiomics' <c>resampleImage</c>: a new grid with the requested spacing (0 keeps an axis; an axis where the ROI is
/// one voxel thick keeps its spacing), aligned so the new grid's outer edge meets the original's at index −0.5, cropped
/// to the ROI's bounding box plus <c>padDistance</c> new voxels; the image is interpolated, the mask taken by nearest
/// neighbour, and the image cast back to its stored pixel type (as SimpleITK does, truncating toward zero).
/// </summary>
/// <remarks>
/// Difference from IBSI: IBSI centres the new grid on the old one; PyRadiomics aligns it to the corner. Nearest and
/// linear interpolation are the toolkit's separable kernels (IBSI's); the B-spline is SimpleITK's, with mirror
/// boundaries (see <see cref="MirroredBSpline"/>).
/// </remarks>
internal static class PyRadiomicsResampling
{
    public static (Image<double> Image, LabelMap Mask) Resample(Image<double> image, LabelMap roi, Vec3 requested, Interpolator interpolator, int pad, PixelType storedType)
    {
        var g = roi.Geometry;
        var box = roi.BoundingBox() ?? throw new Features.EmptyRoiException("The ROI is empty.");
        double[] maskSpacing = [g.Spacing.X, g.Spacing.Y, g.Spacing.Z];
        double[] req = [requested.X, requested.Y, requested.Z];
        int[] low = [box.Min.X, box.Min.Y, box.Min.Z];
        int[] size = [box.Size.X, box.Size.Y, box.Size.Z];
        int[] full = [g.Size.X, g.Size.Y, g.Size.Z];
        var spacing = new double[3];
        for (int d = 0; d < 3; d++)
        {
            spacing[d] = req[d] == 0 || size[d] == 1 ? maskSpacing[d] : req[d];
        }

        if (Enumerable.Range(0, 3).All(d => Math.Abs(spacing[d] - maskSpacing[d]) <= 1e-8 + (1e-5 * Math.Abs(maskSpacing[d]))))
        {
            var padded = new BoundingBox(
                new Index3(Math.Max(0, low[0] - pad), Math.Max(0, low[1] - pad), Math.Max(0, low[2] - pad)),
                new Index3(Math.Min(full[0] - 1, box.Max.X + pad), Math.Min(full[1] - 1, box.Max.Y + pad), Math.Min(full[2] - 1, box.Max.Z + pad)));
            return (image.Crop(padded), roi.Crop(padded));
        }

        var newSize = new int[3];
        var positions = new double[3][];
        for (int d = 0; d < 3; d++)
        {
            double ratio = maskSpacing[d] / spacing[d];
            double lower = Math.Floor(((low[d] - 0.5) * ratio) - pad);
            double upper = Math.Ceiling(((low[d] + size[d] - 0.5) * ratio) + pad);
            double maxUpper = Math.Ceiling(full[d] * ratio) - 1;
            lower = Math.Max(lower, 0);
            upper = Math.Min(upper, maxUpper);
            newSize[d] = (int)(upper - lower + 1);
            double origin = (0.5 * (spacing[d] - maskSpacing[d]) / maskSpacing[d]) + (lower / ratio);
            positions[d] = [.. Enumerable.Range(0, newSize[d]).Select(k => origin + (k / ratio))];
        }

        var newGeometry = new ImageGeometry(
            new Size3(newSize[0], newSize[1], newSize[2]), new Vec3(spacing[0], spacing[1], spacing[2]),
            g.IndexToPhysical(new Vec3(positions[0][0], positions[1][0], positions[2][0])), g.Direction);
        var values = Separable(image.Voxels.ToArray(), image.Geometry.Size, positions, interpolator);
        if (storedType.IsInteger())
        {
            var (min, max) = Limits(storedType);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Math.Truncate(Math.Clamp(values[i], min, max));
            }
        }

        var l = new byte[newGeometry.VoxelCount];
        var m = roi.Voxels;
        int n = 0;
        for (int z = 0; z < newSize[2]; z++)
        {
            int iz = Nearest(positions[2][z], full[2]);
            for (int y = 0; y < newSize[1]; y++)
            {
                int iy = Nearest(positions[1][y], full[1]);
                for (int x = 0; x < newSize[0]; x++, n++)
                {
                    int ix = Nearest(positions[0][x], full[0]);
                    l[n] = ix < 0 || iy < 0 || iz < 0 ? (byte)0 : m[ix + (full[0] * (iy + (full[1] * iz)))];
                }
            }
        }

        return (new Image<double>(newGeometry, values), new LabelMap(new Image<byte>(newGeometry, l)));
    }

    /// <summary>Nearest-neighbour resampling of a mask onto another grid (PyRadiomics' correctMask).</summary>
    public static LabelMap MaskOnto(LabelMap mask, ImageGeometry target)
    {
        var l = new byte[target.VoxelCount];
        var src = mask.Geometry;
        int n = 0;
        for (int z = 0; z < target.Size.Z; z++)
        {
            for (int y = 0; y < target.Size.Y; y++)
            {
                for (int x = 0; x < target.Size.X; x++, n++)
                {
                    var i = src.PhysicalToIndex(target.IndexToPhysical(x, y, z));
                    int ix = Nearest(i.X, src.Size.X), iy = Nearest(i.Y, src.Size.Y), iz = Nearest(i.Z, src.Size.Z);
                    l[n] = ix < 0 || iy < 0 || iz < 0 ? (byte)0 : mask[ix, iy, iz];
                }
            }
        }

        return new LabelMap(new Image<byte>(target, l));
    }

    private static int Nearest(double position, int length)
    {
        int i = (int)Math.Floor(position + 0.5);
        return i >= 0 && i < length ? i : -1;
    }

    private static double[] Separable(double[] source, Size3 size, double[][] positions, Interpolator interpolator)
    {
        if (interpolator == Interpolator.BSpline)
        {
            return MirroredBSpline(source, size, positions);
        }

        var current = source;
        var currentSize = size;
        for (int axis = 0; axis < 3; axis++)
        {
            var nextSize = AxisInterpolation.ResultSize(currentSize, axis, positions[axis].Length);
            var next = new double[nextSize.Count];
            AxisInterpolation.Apply(current, currentSize, axis, positions[axis], interpolator, next);
            current = next;
            currentSize = nextSize;
        }

        return current;
    }

    /// <summary>
    /// SimpleITK's <c>sitkBSpline</c> (ITK's BSplineDecompositionImageFilter and BSplineInterpolateImageFunction, order
    /// 3): coefficients with whole-sample mirror boundaries (causal initial sum truncated at ITK's tolerance 1e-10),
    /// evaluated with mirrored coefficient indices, axis by axis (the tensor product is separable). The toolkit's
    /// general resampler repeats the border samples instead, which moves values near the border and, after the cast back
    /// to integers, a few voxels by one grey value.
    /// </summary>
    private static double[] MirroredBSpline(double[] source, Size3 size, double[][] positions)
    {
        var current = source;
        var currentSize = size;
        for (int axis = 0; axis < 3; axis++)
        {
            int n = currentSize[axis], m = positions[axis].Length;
            var nextSize = axis switch { 0 => new Size3(m, currentSize.Y, currentSize.Z), 1 => new Size3(currentSize.X, m, currentSize.Z), _ => new Size3(currentSize.X, currentSize.Y, m) };
            var next = new double[nextSize.Count];
            int inStride = axis switch { 0 => 1, 1 => currentSize.X, _ => currentSize.X * currentSize.Y };
            int outStride = axis switch { 0 => 1, 1 => nextSize.X, _ => nextSize.X * nextSize.Y };
            var index = new int[m * 4];
            var weight = new double[m * 4];
            for (int j = 0; j < m; j++)
            {
                double c = positions[axis][j];
                int i = (int)Math.Floor(c);
                CubicBSplineKernel.Weights(c - i, weight.AsSpan(j * 4, 4));
                for (int k = 0; k < 4; k++)
                {
                    index[(j * 4) + k] = CubicBSplineKernel.Mirror(i - 1 + k, n);
                }
            }

            int lines = (int)(currentSize.Count / n);
            var src = current;
            var line = new double[n];
            for (int l = 0; l < lines; l++)
            {
                // Line l: the other two axes, the faster one first.
                int inStart, outStart;
                if (axis == 0)
                {
                    inStart = l * currentSize.X;
                    outStart = l * nextSize.X;
                }
                else if (axis == 1)
                {
                    int x = l % currentSize.X, z = l / currentSize.X;
                    inStart = x + (currentSize.X * currentSize.Y * z);
                    outStart = x + (nextSize.X * nextSize.Y * z);
                }
                else
                {
                    inStart = l;
                    outStart = l;
                }

                for (int k = 0; k < n; k++)
                {
                    line[k] = src[inStart + (k * inStride)];
                }

                CubicBSplineKernel.Prefilter(line, 1e-10);
                for (int j = 0; j < m; j++)
                {
                    double sum = 0;
                    for (int k = 0; k < 4; k++)
                    {
                        sum += weight[(j * 4) + k] * line[index[(j * 4) + k]];
                    }

                    next[outStart + (j * outStride)] = sum;
                }
            }

            current = next;
            currentSize = nextSize;
        }

        return current;
    }

    private static (double Min, double Max) Limits(PixelType type) => type switch
    {
        PixelType.UInt8 => (byte.MinValue, byte.MaxValue),
        PixelType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        PixelType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        PixelType.Int16 => (short.MinValue, short.MaxValue),
        PixelType.UInt32 => (uint.MinValue, uint.MaxValue),
        PixelType.Int32 => (int.MinValue, int.MaxValue),
        _ => (double.MinValue, double.MaxValue),
    };
}
