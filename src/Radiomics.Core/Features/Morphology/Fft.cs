using System.Numerics;

namespace Radiomics.Features.Morphology;

/// <summary>
/// Forward complex FFT of lengths 2^a·3^b·5^c (mixed-radix Stockham autosort: every stage reads one buffer and writes
/// the other in natural order, so no bit reversal is needed).
/// </summary>
internal sealed class Fft
{
    private readonly int _length;
    private readonly int[] _radices;
    private readonly Complex[] _roots;

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

        _radices = [.. radices];
        _roots = new Complex[length];
        for (int t = 0; t < length; t++)
        {
            double angle = -2 * Math.PI * t / length;
            _roots[t] = new Complex(Math.Cos(angle), Math.Sin(angle));
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

    /// <summary>X_k = Σ x_j e^(−2πi jk/N), in place; <paramref name="scratch"/> must hold N values.</summary>
    public void Forward(Span<Complex> data, Span<Complex> scratch)
    {
        int n = _length;
        Span<Complex> source = data, target = scratch.Slice(0, n);
        int ns = 1;
        Span<Complex> v = stackalloc Complex[5];
        foreach (int r in _radices)
        {
            int stride = n / r;
            int rootStep = n / (ns * r);
            for (int j = 0; j < stride; j++)
            {
                int k = j % ns;
                for (int q = 0; q < r; q++)
                {
                    var x = source[j + (q * stride)];
                    v[q] = q == 0 || k == 0 ? x : x * _roots[k * q * rootStep];
                }

                Butterfly(v, r);
                int dest = ((j / ns) * ns * r) + k;
                for (int q = 0; q < r; q++)
                {
                    target[dest + (q * ns)] = v[q];
                }
            }

            ns *= r;
            var swap = source;
            source = target;
            target = swap;
        }

        if (source != data)
        {
            source.CopyTo(data);
        }
    }

    private static void Butterfly(Span<Complex> v, int radix)
    {
        switch (radix)
        {
            case 2:
                (v[0], v[1]) = (v[0] + v[1], v[0] - v[1]);
                break;
            case 3:
            {
                const double s = 0.86602540378443864676; // sin(2π/3)
                var t1 = v[1] + v[2];
                var t2 = v[0] - (0.5 * t1);
                var d = v[1] - v[2];
                var t3 = new Complex(s * d.Imaginary, -s * d.Real); // −i·s·d
                v[0] += t1;
                v[1] = t2 + t3;
                v[2] = t2 - t3;
                break;
            }

            case 4:
            {
                var t0 = v[0] + v[2];
                var t1 = v[0] - v[2];
                var t2 = v[1] + v[3];
                var d = v[1] - v[3];
                var t3 = new Complex(d.Imaginary, -d.Real); // −i·d
                v[0] = t0 + t2;
                v[1] = t1 + t3;
                v[2] = t0 - t2;
                v[3] = t1 - t3;
                break;
            }

            default:
            {
                const double c1 = 0.30901699437494742410, c2 = -0.80901699437494742410;
                const double s1 = 0.95105651629515357212, s2 = 0.58778525229247312917;
                var a1 = v[1] + v[4];
                var a2 = v[2] + v[3];
                var b1 = v[1] - v[4];
                var b2 = v[2] - v[3];
                var m1 = v[0] + (c1 * a1) + (c2 * a2);
                var m2 = v[0] + (c2 * a1) + (c1 * a2);
                var e1 = (s1 * b1) + (s2 * b2);
                var e2 = (s2 * b1) - (s1 * b2);
                var n1 = new Complex(e1.Imaginary, -e1.Real);
                var n2 = new Complex(e2.Imaginary, -e2.Real);
                v[0] += a1 + a2;
                v[1] = m1 + n1;
                v[4] = m1 - n1;
                v[2] = m2 + n2;
                v[3] = m2 - n2;
                break;
            }
        }
    }
}
