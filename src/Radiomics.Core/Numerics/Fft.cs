using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Numerics;

/// <summary>
/// Discrete Fourier transforms of volumes stored x fastest, one axis at a time: each line along an axis is copied
/// into a thread-local buffer and transformed with a cached <see cref="FftPlan"/> (radix 2 for powers of two,
/// Bluestein otherwise). The forward transform is unscaled and the inverse divides by N (Matlab's convention).
/// </summary>
internal static class Fft
{
    /// <summary>Transforms along every axis whose flag is set (a 2D transform of each slice: x and y only).</summary>
    /// <remarks>With <paramref name="parallel"/> false the caller is already running one task per slice.</remarks>
    public static void Transform(Complex[] data, Size3 size, bool inverse, bool alongZ = true, bool parallel = true)
    {
        TransformAxis(data, size, 0, inverse, parallel);
        TransformAxis(data, size, 1, inverse, parallel);
        if (alongZ)
        {
            TransformAxis(data, size, 2, inverse, parallel);
        }
    }

    /// <summary>The DFT frequency of index <paramref name="k"/> of an <paramref name="n"/>-point transform, in cycles per sample (numpy's fftfreq).</summary>
    public static double Frequency(int k, int n) => (k <= (n - 1) / 2 ? k : k - n) / (double)n;

    /// <summary>
    /// The frequency coordinate, in units of the Nyquist frequency, that the IBSI 2 reference implementation gives
    /// index <paramref name="k"/> of an <paramref name="n"/>-point transform: positions on the centred (fftshift)
    /// grid scaled to [−1, 1], <c>(i − (n−1)/2) / ((n−1)/2)</c>. For even n this lies half a bin off the DFT
    /// frequency; the IBSI 2 Simoncelli reference maps are reproduced exactly only with it.
    /// </summary>
    public static double ReferenceGridFrequency(int k, int n) =>
        n == 1 ? 0 : (((k + n / 2) % n) - (n - 1) / 2.0) / ((n - 1) / 2.0);

    /// <summary>The smallest power of two at least <paramref name="n"/>.</summary>
    public static int PowerOfTwoAtLeast(int n)
    {
        int m = 1;
        while (m < n)
        {
            m <<= 1;
        }

        return m;
    }

    private static void TransformAxis(Complex[] data, Size3 size, int axis, bool inverse, bool parallel)
    {
        int n = size[axis];
        if (n == 1)
        {
            return;
        }

        int stride = axis switch { 0 => 1, 1 => size.X, _ => size.X * size.Y };
        int lines = (int)(size.Count / n);
        var plan = FftPlan.For(n);
        if (stride == 1)
        {
            // Lines along x are contiguous: transform them in place.
            if (parallel)
            {
                ParallelRows.For(0, lines, Parallelism.AllCores, line => plan.Transform(data.AsSpan(line * n, n), inverse));
            }
            else
            {
                for (int line = 0; line < lines; line++)
                {
                    plan.Transform(data.AsSpan(line * n, n), inverse);
                }
            }

            return;
        }

        if (!parallel)
        {
            var buffer = new Complex[n];
            for (int line = 0; line < lines; line++)
            {
                TransformLine(data, buffer, LineStart(line, axis, size), stride, inverse, plan);
            }

            return;
        }

        ParallelRows.For(0, lines, Parallelism.AllCores, () => new Complex[n], (line, buffer) =>
        {
            TransformLine(data, buffer, LineStart(line, axis, size), stride, inverse, plan);
        });
    }

    private static void TransformLine(Complex[] data, Complex[] buffer, int start, int stride, bool inverse, FftPlan plan)
    {
        int n = buffer.Length;
        for (int i = 0; i < n; i++)
        {
            buffer[i] = data[start + i * stride];
        }

        plan.Transform(buffer, inverse);
        for (int i = 0; i < n; i++)
        {
            data[start + i * stride] = buffer[i];
        }
    }

    /// <summary>Linear index of the first element of line number <paramref name="line"/> along <paramref name="axis"/>.</summary>
    private static int LineStart(int line, int axis, Size3 size) => axis switch
    {
        0 => line * size.X,
        1 => (line % size.X) + (line / size.X) * size.X * size.Y,
        _ => line,
    };
}
