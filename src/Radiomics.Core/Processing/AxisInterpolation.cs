using System.Buffers;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Processing;

/// <summary>
/// One pass of separable resampling: every line of a block along one axis is interpolated at new positions.
/// Positions are continuous indices into the line; outside the line the edge voxels are repeated (IBSI:
/// "padding the original grid with the intensities at the boundary").
/// </summary>
internal static class AxisInterpolation
{
    /// <summary>Extra coefficients added at each end of a line before the B-spline prefilter (as scipy's "nearest" mode pads).</summary>
    public const int BSplinePadding = 12;

    /// <summary>Source voxels needed beyond the last interpolation position on each side.</summary>
    public static int Support(Interpolator interpolator) => interpolator switch
    {
        Interpolator.BSpline => 2 + 20, // kernel half-width plus enough line for the recursive prefilter to converge (|z|^20 < 1e-11)
        _ => 1,
    };

    /// <summary>The size of the block after resampling <paramref name="axis"/> to <paramref name="count"/> positions.</summary>
    public static Size3 ResultSize(Size3 size, int axis, int count) => axis switch
    {
        0 => size with { X = count },
        1 => size with { Y = count },
        _ => size with { Z = count },
    };

    /// <summary>
    /// Interpolates every line of <paramref name="source"/> (the first <c>size.Count</c> values) along
    /// <paramref name="axis"/> into the first values of <paramref name="result"/> (at least
    /// <see cref="ResultSize"/><c>.Count</c> long; pooled arrays may be longer).
    /// </summary>
    public static void Apply(double[] source, Size3 size, int axis, ReadOnlySpan<double> positions, Interpolator interpolator, double[] result)
    {
        int length = size[axis];
        int m = positions.Length;
        int taps = interpolator switch { Interpolator.NearestNeighbour => 1, Interpolator.Linear => 2, _ => 4 };
        int pad = interpolator == Interpolator.BSpline ? BSplinePadding : 0;
        int lineLength = length + 2 * pad;
        var index = new int[m * taps];
        var weight = new double[m * taps];
        for (int j = 0; j < m; j++)
        {
            Weights(interpolator, positions[j] + pad, lineLength, index.AsSpan(j * taps, taps), weight.AsSpan(j * taps, taps));
        }

        var resultSize = ResultSize(size, axis, m);
        if (source.LongLength < size.Count || result.LongLength < resultSize.Count)
        {
            throw new ArgumentException("Buffers are smaller than the blocks they hold.", nameof(result));
        }
        int sourceStride = axis switch { 0 => 1, 1 => size.X, _ => size.X * size.Y };
        int resultStride = axis switch { 0 => 1, 1 => resultSize.X, _ => resultSize.X * resultSize.Y };

        // Lines are numbered by the two other axes: (u, v) with u the faster of them.
        int uCount = axis == 0 ? size.Y : size.X;
        int vCount = axis == 2 ? size.Y : size.Z;
        var outSize = resultSize;
        // Threads only pay off for large blocks; the ROI blocks of one extraction are usually small.
        var parallelism = resultSize.Count * taps < (1 << 20) ? Parallelism.Serial : Parallelism.AllCores;
        ParallelRows.For(0, vCount, parallelism, v =>
        {
            double[] line = ArrayPool<double>.Shared.Rent(lineLength);
            try
            {
                for (int u = 0; u < uCount; u++)
                {
                    int sourceStart = LineStart(size, axis, u, v);
                    int resultStart = LineStart(outSize, axis, u, v);
                    for (int k = 0; k < length; k++)
                    {
                        line[pad + k] = source[sourceStart + k * sourceStride];
                    }

                    if (pad > 0)
                    {
                        Array.Fill(line, line[pad], 0, pad);
                        Array.Fill(line, line[pad + length - 1], pad + length, pad);
                        CubicBSplineKernel.Prefilter(line.AsSpan(0, lineLength));
                    }

                    for (int j = 0; j < m; j++)
                    {
                        double s = 0;
                        int o = j * taps;
                        for (int t = 0; t < taps; t++)
                        {
                            s += weight[o + t] * line[index[o + t]];
                        }

                        result[resultStart + j * resultStride] = s;
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(line);
            }
        });
    }

    private static int LineStart(Size3 size, int axis, int u, int v) => axis switch
    {
        0 => size.X * (u + size.Y * v),
        1 => u + size.X * size.Y * v,
        _ => u + size.X * v,
    };

    private static int Clamp(int i, int length) => i < 0 ? 0 : i >= length ? length - 1 : i;

    private static void Weights(Interpolator interpolator, double c, int length, Span<int> index, Span<double> weight)
    {
        switch (interpolator)
        {
            case Interpolator.NearestNeighbour:
                index[0] = Clamp((int)Math.Floor(c + 0.5), length);
                weight[0] = 1;
                break;
            case Interpolator.Linear:
            {
                int i = (int)Math.Floor(c);
                double t = c - i;
                index[0] = Clamp(i, length);
                index[1] = Clamp(i + 1, length);
                weight[0] = 1 - t;
                weight[1] = t;
                break;
            }

            default:
            {
                int i = (int)Math.Floor(c);
                for (int k = 0; k < 4; k++)
                {
                    index[k] = Clamp(i - 1 + k, length);
                }

                CubicBSplineKernel.Weights(c - i, weight);
                break;
            }
        }
    }
}
