using Radiomics.Numerics;
using System.Numerics.Tensors;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// One level of a multi-resolution Gaussian pyramid: the image smoothed and subsampled by a whole factor per axis.
/// Smoothing and subsampling are fused per axis (the Gaussian is evaluated at the output positions), so the
/// full-resolution image is never copied and each pass shrinks the data; the largest shrink goes first. The
/// Gaussian here is private to registration on purpose (the pyramid's needs are narrow).
/// </summary>
internal static class PyramidLevel
{
    /// <summary>
    /// Per-axis shrink factors for a pyramid level whose target spacing is <paramref name="targetSpacing"/> mm: axes
    /// already coarser than the target are left alone, so thick-slice scans are not decimated through-plane.
    /// </summary>
    public static Index3 ShrinkFactors(ImageGeometry geometry, double targetSpacing)
    {
        Span<int> s = stackalloc int[3];
        for (int a = 0; a < 3; a++)
        {
            int f = Math.Max(1, (int)Math.Round(targetSpacing / geometry.Spacing[a]));
            // Keep at least 4 voxels along an axis so interpolation and B-spline support stay meaningful.
            while (f > 1 && geometry.Size[a] / f < 4)
            {
                f--;
            }

            s[a] = geometry.Size[a] == 1 ? 1 : f;
        }

        return new Index3(s[0], s[1], s[2]);
    }

    /// <summary>
    /// Smooths with a Gaussian of standard deviation <paramref name="sigmaMm"/> (mm, per axis) and subsamples by
    /// <paramref name="shrink"/>. Output voxel <c>i</c> sits at input index <c>s·i + (s − 1)/2</c>, as ITK's shrink
    /// filter places it, so the physical extent stays centred. Returns the input itself when nothing is to be done.
    /// </summary>
    public static Image<float> Create(Image<float> image, Index3 shrink, double sigmaMm, Parallelism parallelism)
    {
        var order = new[] { 0, 1, 2 };
        Array.Sort(order, (a, b) => shrink[b].CompareTo(shrink[a]));
        var current = image;
        foreach (int axis in order)
        {
            double sigma = sigmaMm / image.Geometry.Spacing[axis];
            if (shrink[axis] == 1 && sigma < 0.01)
            {
                continue;
            }

            current = Axis(current, axis, shrink[axis], sigma, parallelism);
        }

        return current;
    }

    private static Image<float> Axis(Image<float> input, int axis, int s, double sigma, Parallelism parallelism)
    {
        var g = input.Geometry;
        var size = g.Size;
        int n = size[axis];
        int m = Math.Max(1, n / s);
        double offset = (s - 1) / 2.0;
        var outSize = axis switch { 0 => size with { X = m }, 1 => size with { Y = m }, _ => size with { Z = m } };
        var outSpacing = axis switch
        {
            0 => g.Spacing with { X = g.Spacing.X * s },
            1 => g.Spacing with { Y = g.Spacing.Y * s },
            _ => g.Spacing with { Z = g.Spacing.Z * s },
        };
        var outOrigin = g.Origin + g.Direction.Column(axis) * (offset * g.Spacing[axis]);
        var geometry = new ImageGeometry(outSize, outSpacing, outOrigin, g.Direction);

        // Kernel: Gaussian sampled at integer input positions around each (possibly half-integer) output centre;
        // below a third of a voxel it degenerates to linear interpolation.
        int radius = sigma < 0.34 ? 1 : (int)Math.Ceiling(3 * sigma);
        int taps = 2 * radius + 2;
        var first = new int[m];
        var weights = new float[m * taps];
        for (int i = 0; i < m; i++)
        {
            double c = s * i + offset;
            int f = (int)Math.Floor(c) - radius;
            first[i] = f;
            double sum = 0;
            for (int k = 0; k < taps; k++)
            {
                double d = f + k - c;
                double w = sigma < 0.34 ? Math.Max(0, 1 - Math.Abs(d)) : Math.Exp(-0.5 * d * d / (sigma * sigma));
                weights[i * taps + k] = (float)w;
                sum += w;
            }

            for (int k = 0; k < taps; k++)
            {
                weights[i * taps + k] = (float)(weights[i * taps + k] / sum);
            }
        }

        var output = new float[geometry.VoxelCount];
        if (axis == 0)
        {
            AlongX(input, output, m, first, weights, taps, parallelism);
        }
        else
        {
            AcrossRows(input, output, m, axis, first, weights, taps, parallelism);
        }

        return new Image<float>(geometry, output);
    }

    private static void AlongX(Image<float> input, float[] output, int m, int[] first, float[] weights, int taps, Parallelism parallelism)
    {
        var inSize = input.Geometry.Size;
        int n = inSize.X;
        ParallelRows.For(0, inSize.Z, parallelism, z =>
        {
            var src = input.Voxels;
            var dst = output.AsSpan();
            for (int y = 0; y < inSize.Y; y++)
            {
                var line = src.Slice((z * inSize.Y + y) * n, n);
                var outLine = dst.Slice((z * inSize.Y + y) * m, m);
                for (int j = 0; j < m; j++)
                {
                    int f = first[j];
                    float sum = 0;
                    for (int k = 0; k < taps; k++)
                    {
                        sum += weights[j * taps + k] * line[Math.Clamp(f + k, 0, n - 1)];
                    }

                    outLine[j] = sum;
                }
            }
        });
    }

    /// <summary>Along Y or Z: each output row is a weighted sum of whole input rows, which vectorises.</summary>
    /// <summary>
    /// Below this many voxels the rows are summed by a plain loop: the vectorised primitive is compiled at run time
    /// (precompiled code cannot assume the machine's vector width), which cost a small registration about 10 ms, more
    /// than the whole pyramid takes without it; the sums are the same.
    /// </summary>
    private const long ScalarBelow = 262_144;

    private static void AcrossRows(Image<float> input, float[] output, int m, int axis, int[] first, float[] weights, int taps, Parallelism parallelism)
    {
        var inSize = input.Geometry.Size;
        int nx = inSize.X;
        int n = inSize[axis];
        // Rows are addressed by (other, position along axis): for Y, other = z; for Z, other = y.
        int others = axis == 1 ? inSize.Z : inSize.Y;
        bool small = input.Geometry.VoxelCount < ScalarBelow;
        ParallelRows.For(0, others * m, parallelism, t =>
        {
            int other = t / m, j = t % m;
            var src = input.Voxels;
            var dst = output.AsSpan();
            int outRow = axis == 1 ? (other * m + j) * nx : (j * inSize.Y + other) * nx;
            var target = dst.Slice(outRow, nx);
            target.Clear();
            int f = first[j];
            for (int k = 0; k < taps; k++)
            {
                float w = weights[j * taps + k];
                if (w == 0)
                {
                    continue;
                }

                int p = Math.Clamp(f + k, 0, n - 1);
                int inRow = axis == 1 ? (other * n + p) * nx : (p * inSize.Y + other) * nx;
                var row = src.Slice(inRow, nx);
                if (small)
                {
                    for (int x = 0; x < row.Length; x++)
                    {
                        target[x] += w * row[x];
                    }
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(row, w, target, target);
                }
            }
        });
    }
}
