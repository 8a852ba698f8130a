using System.Numerics;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Processing.BiasField;

/// <summary>
/// N4's sharpening of the log-intensity histogram (Tustison et al. 2010, eq. 5–7; Sled et al., IEEE TMI 1998): the
/// histogram is deconvolved with the Gaussian of the assumed bias blur by a Wiener filter, and each intensity is
/// replaced by its expected value under the sharpened distribution, E[u | v].
/// </summary>
internal static class HistogramSharpening
{
    /// <summary>The sharpened value of every masked entry of <paramref name="values"/> (others 0).</summary>
    public static double[] Sharpen(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask, N4Settings settings)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i])
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
        }

        var result = new double[values.Length];
        int bins = settings.HistogramBins;
        if (!(max > min))
        {
            for (int i = 0; i < values.Length; i++)
            {
                result[i] = mask[i] ? values[i] : 0;
            }

            return result;
        }

        double slope = (max - min) / (bins - 1);
        var histogram = new double[bins];
        for (int i = 0; i < values.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            double c = (values[i] - min) / slope;
            int b = Math.Min((int)Math.Floor(c), bins - 1);
            double t = c - b;
            histogram[b] += 1 - t;
            if (t > 0 && b + 1 < bins)
            {
                histogram[b + 1] += t;
            }
        }

        int padded = Fft.PowerOfTwoAtLeast(bins) * 2;
        int offset = (padded - bins) / 2;
        var size = new Size3(padded, 1, 1);
        var v = new Complex[padded];
        for (int n = 0; n < bins; n++)
        {
            v[n + offset] = histogram[n];
        }

        Fft.Transform(v, size, inverse: false, alongZ: false, parallel: false);

        // Gaussian of the bias blur, in bins, centred at 0 with wrap-around.
        double fwhm = settings.BiasFieldFullWidthAtHalfMaximum / slope;
        double exponent = 4 * Math.Log(2) / (fwhm * fwhm);
        double scale = 2 * Math.Sqrt(Math.Log(2) / Math.PI) / fwhm;
        var f = new Complex[padded];
        f[0] = scale;
        for (int n = 1; n <= padded / 2; n++)
        {
            f[n] = f[padded - n] = scale * Math.Exp(-n * (double)n * exponent);
        }

        Fft.Transform(f, size, inverse: false, alongZ: false, parallel: false);

        // Wiener deconvolution, then a non-negative estimate of the true histogram U.
        var u = new Complex[padded];
        for (int n = 0; n < padded; n++)
        {
            var g = Complex.Conjugate(f[n]) / ((Complex.Conjugate(f[n]) * f[n]) + settings.WienerFilterNoise);
            u[n] = v[n] * g;
        }

        Fft.Transform(u, size, inverse: true, alongZ: false, parallel: false);
        var numerator = new Complex[padded];
        for (int n = 0; n < padded; n++)
        {
            u[n] = Math.Max(u[n].Real, 0);
            numerator[n] = (min + ((n - offset) * slope)) * u[n].Real;
        }

        Fft.Transform(u, size, inverse: false, alongZ: false, parallel: false);
        Fft.Transform(numerator, size, inverse: false, alongZ: false, parallel: false);
        for (int n = 0; n < padded; n++)
        {
            numerator[n] *= f[n];
            u[n] *= f[n];
        }

        Fft.Transform(numerator, size, inverse: true, alongZ: false, parallel: false);
        Fft.Transform(u, size, inverse: true, alongZ: false, parallel: false);
        var expected = new double[bins];
        for (int n = 0; n < bins; n++)
        {
            double d = u[n + offset].Real;
            expected[n] = d != 0 ? numerator[n + offset].Real / d : 0;
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            double c = (values[i] - min) / slope;
            int b = (int)Math.Floor(c);
            result[i] = b < bins - 1 ? expected[b] + ((expected[b + 1] - expected[b]) * (c - b)) : expected[bins - 1];
        }

        return result;
    }
}
