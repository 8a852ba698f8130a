using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;

namespace Radiomics.Numerics;

/// <summary>
/// A one-dimensional complex DFT of a fixed length, planned once and cached: iterative radix-2 with precomputed
/// twiddles and bit reversal for powers of two, and Bluestein's chirp-z algorithm (on a radix-2 plan of at least
/// 2n − 1 points) for every other length. Forward transforms are unscaled; inverse ones divide by n.
/// </summary>
internal sealed class FftPlan
{
    private static readonly ConcurrentDictionary<int, FftPlan> Plans = new();

    private readonly int _n;
    private readonly int[]? _bitReversal;
    private readonly Complex[]? _twiddles;

    // Bluestein: chirp w_k = exp(−iπk²/n), the radix-2 plan of the convolution and the spectrum of conj(w).
    private readonly Complex[]? _chirp;
    private readonly FftPlan? _inner;
    private readonly Complex[]? _chirpSpectrum;

    private FftPlan(int n)
    {
        _n = n;
        if ((n & (n - 1)) == 0)
        {
            int bits = System.Numerics.BitOperations.Log2((uint)n);
            _bitReversal = new int[n];
            for (int i = 0; i < n; i++)
            {
                int r = 0;
                for (int b = 0; b < bits; b++)
                {
                    r |= ((i >> b) & 1) << (bits - 1 - b);
                }

                _bitReversal[i] = r;
            }

            _twiddles = new Complex[Math.Max(1, n / 2)];
            for (int k = 0; k < n / 2; k++)
            {
                _twiddles[k] = Complex.FromPolarCoordinates(1, -2 * Math.PI * k / n);
            }

            return;
        }

        int m = Fft.PowerOfTwoAtLeast(2 * n - 1);
        _inner = For(m);
        _chirp = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            // k² mod 2n keeps the angle exact for large k.
            long k2 = (long)k * k % (2L * n);
            _chirp[k] = Complex.FromPolarCoordinates(1, -Math.PI * k2 / n);
        }

        _chirpSpectrum = new Complex[m];
        _chirpSpectrum[0] = Complex.Conjugate(_chirp[0]);
        for (int k = 1; k < n; k++)
        {
            _chirpSpectrum[k] = _chirpSpectrum[m - k] = Complex.Conjugate(_chirp[k]);
        }

        _inner.Transform(_chirpSpectrum, inverse: false);
    }

    public static FftPlan For(int n) => Plans.GetOrAdd(n, static n => new FftPlan(n));

    public void Transform(Span<Complex> data, bool inverse)
    {
        if (_n == 1)
        {
            return;
        }

        if (_bitReversal is not null)
        {
            Radix2(data, inverse);
            if (inverse)
            {
                double scale = 1.0 / _n;
                for (int i = 0; i < _n; i++)
                {
                    data[i] *= scale;
                }
            }

            return;
        }

        Bluestein(data, inverse);
    }

    private void Radix2(Span<Complex> data, bool inverse)
    {
        var reversal = _bitReversal!;
        for (int i = 0; i < _n; i++)
        {
            int j = reversal[i];
            if (j > i)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        var twiddles = _twiddles!;
        for (int size = 2; size <= _n; size <<= 1)
        {
            int half = size >> 1, step = _n / size;
            for (int start = 0; start < _n; start += size)
            {
                for (int k = 0; k < half; k++)
                {
                    var w = twiddles[k * step];
                    if (inverse)
                    {
                        w = Complex.Conjugate(w);
                    }

                    var t = w * data[start + k + half];
                    var u = data[start + k];
                    data[start + k] = u + t;
                    data[start + k + half] = u - t;
                }
            }
        }
    }

    private void Bluestein(Span<Complex> data, bool inverse)
    {
        var inner = _inner!;
        int m = inner._n;
        var chirp = _chirp!;
        var work = ArrayPool<Complex>.Shared.Rent(m);
        try
        {
            var a = work.AsSpan(0, m);
            a.Clear();

            // The inverse DFT is the conjugate of the forward DFT of the conjugate, divided by n.
            for (int k = 0; k < _n; k++)
            {
                a[k] = (inverse ? Complex.Conjugate(data[k]) : data[k]) * chirp[k];
            }

            inner.Transform(a, inverse: false);
            var spectrum = _chirpSpectrum!;
            for (int k = 0; k < m; k++)
            {
                a[k] *= spectrum[k];
            }

            inner.Transform(a, inverse: true);
            for (int k = 0; k < _n; k++)
            {
                var x = a[k] * chirp[k];
                data[k] = inverse ? Complex.Conjugate(x) / _n : x;
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(work);
        }
    }
}
