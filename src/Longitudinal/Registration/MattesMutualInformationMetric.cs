using System.Runtime.CompilerServices;
using Radiomics.Numerics;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Negative mutual information with Mattes et al.'s Parzen windowing (IEEE TMI 22(1), 2003), laid out as ITK's
/// <c>MattesMutualInformationImageToImageMetricv4</c>: a zero-order window on the fixed intensity, a cubic B-spline
/// window on the moving one, two padding bins on each side. With <c>p(l,k)</c> the joint and <c>p_m(k)</c> the moving
/// marginal, <c>dMI/dw_i = (1/N) Σ_k log(p(l_i,k)/p_m(k)) · ∂β³(k − κ(w_i))/∂w_i</c>.
/// </summary>
internal sealed class MattesMutualInformationMetric : PointMetric
{
    private const int Padding = 2;
    private readonly int _bins;
    private readonly double _fixedMin;
    private readonly double _fixedScale;
    private readonly double _movingMin;
    private readonly double _movingScale;
    private readonly double[] _logRatio;
    private double _derivativeScale;

    public MattesMutualInformationMetric(int bins, (double Min, double Max) fixedRange, (double Min, double Max) movingRange)
    {
        _bins = bins;
        _fixedMin = fixedRange.Min;
        _fixedScale = (bins - 2 * Padding) / Math.Max(fixedRange.Max - fixedRange.Min, 1e-12);
        _movingMin = movingRange.Min;
        _movingScale = (bins - 2 * Padding) / Math.Max(movingRange.Max - movingRange.Min, 1e-12);
        _logRatio = new double[bins * bins];
    }

    public override bool NeedsStatistics => true;

    public override int StatisticsLength => _bins * _bins;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Accumulate(Span<double> statistics, float fixedValue, double warpedValue)
    {
        int l = FixedBin(fixedValue);
        double term = (warpedValue - _movingMin) * _movingScale + Padding;
        int k = (int)term;
        var row = statistics.Slice(l * _bins, _bins);
        if (k >= Padding && k <= _bins - Padding - 1)
        {
            // Knots k−1..k+2 at fraction u: the cubic weights directly, no branches.
            double u = term - k, u2 = u * u, u3 = u2 * u, v = 1 - u;
            row[k - 1] += v * v * v * (1.0 / 6);
            row[k] += (3 * u3 - 6 * u2 + 4) * (1.0 / 6);
            row[k + 1] += (-3 * u3 + 3 * u2 + 3 * u + 1) * (1.0 / 6);
            row[k + 2] += u3 * (1.0 / 6);
            return;
        }

        k = Math.Clamp((int)Math.Floor(term), Padding, _bins - Padding - 1);
        for (int j = k - 1; j <= k + 2; j++)
        {
            row[j] += CubicBSplineKernel.Value(j - term);
        }
    }

    public override void Prepare(ReadOnlySpan<double> statistics, long count)
    {
        int b = _bins;
        double total = 0;
        foreach (var v in statistics)
        {
            total += v;
        }

        total = Math.Max(total, 1e-12);
        Span<double> pf = stackalloc double[b];
        Span<double> pm = stackalloc double[b];
        for (int l = 0; l < b; l++)
        {
            for (int k = 0; k < b; k++)
            {
                double p = statistics[l * b + k] / total;
                pf[l] += p;
                pm[k] += p;
            }
        }

        double mi = 0;
        for (int l = 0; l < b; l++)
        {
            // Once per fixed bin rather than per cell: a small level evaluates the metric thousands of times.
            double logFixed = pf[l] > 0 ? Math.Log(pf[l]) : 0;
            for (int k = 0; k < b; k++)
            {
                double p = statistics[l * b + k] / total;
                if (p > 1e-16 && pm[k] > 1e-16)
                {
                    double r = Math.Log(p / pm[k]);
                    _logRatio[l * b + k] = r;
                    mi += p * (r - logFixed);
                }
                else
                {
                    _logRatio[l * b + k] = 0;
                }
            }
        }

        Value = -mi;
        // dβ³(j − term)/dw = −β³′(j − term)·scale; with the sign of E = −MI that is +β³′·scale/N.
        _derivativeScale = _movingScale / total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double Derivative(float fixedValue, double warpedValue, out double valueTerm)
    {
        valueTerm = 0;
        int l = FixedBin(fixedValue);
        double term = (warpedValue - _movingMin) * _movingScale + Padding;
        int k = (int)term;
        var table = _logRatio.AsSpan(l * _bins, _bins);
        if (k >= Padding && k <= _bins - Padding - 1)
        {
            // β³′(j − term) = −dw_j/du for the four knots j = k−1..k+2 at fraction u.
            double u = term - k, u2 = u * u, v = 1 - u;
            double d = -0.5 * v * v * table[k - 1] + (1.5 * u2 - 2 * u) * table[k] + (-1.5 * u2 + u + 0.5) * table[k + 1] + 0.5 * u2 * table[k + 2];
            return -d * _derivativeScale;
        }

        k = Math.Clamp((int)Math.Floor(term), Padding, _bins - Padding - 1);
        double sum = 0;
        for (int j = k - 1; j <= k + 2; j++)
        {
            sum += table[j] * CubicBSplineKernel.Derivative(j - term);
        }

        return sum * _derivativeScale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FixedBin(float value)
    {
        double t = (value - _fixedMin) * _fixedScale;
        int b = t >= 0 ? (int)t + Padding : Padding;
        return Math.Min(b, _bins - Padding - 1);
    }
}
