using System.Numerics;

namespace Radiomics.Features.Morphology;

/// <summary>
/// Forward complex FFT of lengths 2^a·3^b·5^c (mixed-radix Stockham autosort: every stage reads one buffer and writes
/// the other in natural order, so no bit reversal is needed). <see cref="ForwardBatch"/> transforms many sequences
/// stored as rows (element j of every sequence contiguous), which keeps strided 3D passes cache-friendly.
/// </summary>
internal sealed class Fft
{
    private readonly int _length;
    private readonly Stage[] _stages;

    /// <param name="Radix">2, 3, 4 or 5.</param>
    /// <param name="Span">Length of the sub-transforms already done (N_s).</param>
    /// <param name="Twiddles">e^(−2πi kq/(N_s r)) at [k·r + q] for k &lt; N_s, q &lt; r.</param>
    private sealed record Stage(int Radix, int Span, Complex[] Twiddles);

    public Fft(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _length = length;
        var radices = new List<int>();
        int rest = length;
        // Radix 4 first where possible: fewer passes over the data.
        foreach (int r in (ReadOnlySpan<int>)[4, 2, 3, 5])
        {
            while (rest % r == 0)
            {
                radices.Add(r);
                rest /= r;
            }
        }

        if (rest != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "FFT lengths must be products of 2, 3 and 5.");
        }

        _stages = new Stage[radices.Count];
        int ns = 1;
        for (int s = 0; s < radices.Count; s++)
        {
            int r = radices[s];
            var twiddles = new Complex[ns * r];
            for (int k = 0; k < ns; k++)
            {
                for (int q = 0; q < r; q++)
                {
                    double angle = -2 * Math.PI * k * q / (ns * r);
                    twiddles[(k * r) + q] = new Complex(Math.Cos(angle), Math.Sin(angle));
                }
            }

            _stages[s] = new Stage(r, ns, twiddles);
            ns *= r;
        }
    }

    public int Length => _length;

    /// <summary>The smallest product of 2, 3 and 5 that is at least <paramref name="minimum"/>.</summary>
    public static int GoodLength(int minimum)
    {
        for (int n = Math.Max(1, minimum); ; n++)
        {
            int m = n;
            foreach (int r in (ReadOnlySpan<int>)[2, 3, 5])
            {
                while (m % r == 0)
                {
                    m /= r;
                }
            }

            if (m == 1)
            {
                return n;
            }
        }
    }

    /// <summary>X_k = Σ x_j e^(−2πi jk/N) of one sequence, in place; <paramref name="scratch"/> holds N values.</summary>
    public void Forward(Span<Complex> data, Span<Complex> scratch) => ForwardBatch(data, scratch, 1);

    /// <summary>
    /// Transforms <paramref name="count"/> sequences in place: element j of sequence b is at data[j·count + b].
    /// <paramref name="scratch"/> holds N·count values.
    /// </summary>
    public void ForwardBatch(Span<Complex> data, Span<Complex> scratch, int count)
    {
        int n = _length;
        Span<Complex> source = data.Slice(0, n * count), target = scratch.Slice(0, n * count);
        foreach (var stage in _stages)
        {
            int r = stage.Radix, ns = stage.Span;
            int stride = n / r;
            var twiddles = stage.Twiddles;
            for (int j = 0; j < stride; j++)
            {
                int k = j % ns;
                int dest = ((j / ns) * ns * r) + k;
                var w = twiddles.AsSpan(k * r, r);
                switch (r)
                {
                    case 4:
                        Radix4(source, target, count, j, stride, dest, ns, w);
                        break;
                    case 2:
                        Radix2(source, target, count, j, stride, dest, ns, w);
                        break;
                    case 3:
                        Radix3(source, target, count, j, stride, dest, ns, w);
                        break;
                    default:
                        Radix5(source, target, count, j, stride, dest, ns, w);
                        break;
                }
            }

            var swap = source;
            source = target;
            target = swap;
        }

        if (source != data.Slice(0, n * count))
        {
            source.CopyTo(data);
        }
    }

    private static void Radix2(ReadOnlySpan<Complex> src, Span<Complex> dst, int count, int j, int stride, int dest, int ns, ReadOnlySpan<Complex> w)
    {
        var s0 = src.Slice(j * count, count);
        var s1 = src.Slice((j + stride) * count, count);
        var d0 = dst.Slice(dest * count, count);
        var d1 = dst.Slice((dest + ns) * count, count);
        var w1 = w[1];
        for (int b = 0; b < count; b++)
        {
            var a = s0[b];
            var c = s1[b] * w1;
            d0[b] = a + c;
            d1[b] = a - c;
        }
    }

    private static void Radix3(ReadOnlySpan<Complex> src, Span<Complex> dst, int count, int j, int stride, int dest, int ns, ReadOnlySpan<Complex> w)
    {
        const double s = 0.86602540378443864676; // sin(2π/3)
        var s0 = src.Slice(j * count, count);
        var s1 = src.Slice((j + stride) * count, count);
        var s2 = src.Slice((j + (2 * stride)) * count, count);
        var d0 = dst.Slice(dest * count, count);
        var d1 = dst.Slice((dest + ns) * count, count);
        var d2 = dst.Slice((dest + (2 * ns)) * count, count);
        Complex w1 = w[1], w2 = w[2];
        for (int b = 0; b < count; b++)
        {
            var v0 = s0[b];
            var v1 = s1[b] * w1;
            var v2 = s2[b] * w2;
            var t1 = v1 + v2;
            var t2 = v0 - (0.5 * t1);
            var d = v1 - v2;
            var t3 = new Complex(s * d.Imaginary, -s * d.Real); // −i·s·d
            d0[b] = v0 + t1;
            d1[b] = t2 + t3;
            d2[b] = t2 - t3;
        }
    }

    private static void Radix4(ReadOnlySpan<Complex> src, Span<Complex> dst, int count, int j, int stride, int dest, int ns, ReadOnlySpan<Complex> w)
    {
        var s0 = src.Slice(j * count, count);
        var s1 = src.Slice((j + stride) * count, count);
        var s2 = src.Slice((j + (2 * stride)) * count, count);
        var s3 = src.Slice((j + (3 * stride)) * count, count);
        var d0 = dst.Slice(dest * count, count);
        var d1 = dst.Slice((dest + ns) * count, count);
        var d2 = dst.Slice((dest + (2 * ns)) * count, count);
        var d3 = dst.Slice((dest + (3 * ns)) * count, count);
        Complex w1 = w[1], w2 = w[2], w3 = w[3];
        for (int b = 0; b < count; b++)
        {
            var v0 = s0[b];
            var v1 = s1[b] * w1;
            var v2 = s2[b] * w2;
            var v3 = s3[b] * w3;
            var t0 = v0 + v2;
            var t1 = v0 - v2;
            var t2 = v1 + v3;
            var d = v1 - v3;
            var t3 = new Complex(d.Imaginary, -d.Real); // −i·d
            d0[b] = t0 + t2;
            d1[b] = t1 + t3;
            d2[b] = t0 - t2;
            d3[b] = t1 - t3;
        }
    }

    private static void Radix5(ReadOnlySpan<Complex> src, Span<Complex> dst, int count, int j, int stride, int dest, int ns, ReadOnlySpan<Complex> w)
    {
        const double c1 = 0.30901699437494742410, c2 = -0.80901699437494742410; // cos(2π/5), cos(4π/5)
        const double s1 = 0.95105651629515357212, s2 = 0.58778525229247312917; // sin(2π/5), sin(4π/5)
        for (int b = 0; b < count; b++)
        {
            var v0 = src[(j * count) + b];
            var v1 = src[((j + stride) * count) + b] * w[1];
            var v2 = src[((j + (2 * stride)) * count) + b] * w[2];
            var v3 = src[((j + (3 * stride)) * count) + b] * w[3];
            var v4 = src[((j + (4 * stride)) * count) + b] * w[4];
            var a1 = v1 + v4;
            var a2 = v2 + v3;
            var b1 = v1 - v4;
            var b2 = v2 - v3;
            var m1 = v0 + (c1 * a1) + (c2 * a2);
            var m2 = v0 + (c2 * a1) + (c1 * a2);
            var e1 = (s1 * b1) + (s2 * b2);
            var e2 = (s2 * b1) - (s1 * b2);
            var n1 = new Complex(e1.Imaginary, -e1.Real); // −i·e1
            var n2 = new Complex(e2.Imaginary, -e2.Real);
            dst[(dest * count) + b] = v0 + a1 + a2;
            dst[((dest + ns) * count) + b] = m1 + n1;
            dst[((dest + (4 * ns)) * count) + b] = m1 - n1;
            dst[((dest + (2 * ns)) * count) + b] = m2 + n2;
            dst[((dest + (3 * ns)) * count) + b] = m2 - n2;
        }
    }
}
