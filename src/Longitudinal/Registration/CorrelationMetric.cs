namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Negative normalised cross-correlation <c>E = −ρ</c>, <c>ρ = S_fw / √(S_ff·S_ww)</c> with centred sums; its
/// derivative <c>dρ/dw_i = (f_i − f̄)/√(S_ff S_ww) − ρ (w_i − w̄)/S_ww</c> is affine in the two intensities.
/// </summary>
internal sealed class CorrelationMetric : PointMetric
{
    private double _a;
    private double _b;
    private double _c;

    public override bool NeedsStatistics => true;

    public override int StatisticsLength => 5;

    public override void Accumulate(Span<double> statistics, float fixedValue, double warpedValue)
    {
        statistics[0] += fixedValue;
        statistics[1] += warpedValue;
        statistics[2] += (double)fixedValue * fixedValue;
        statistics[3] += (double)warpedValue * warpedValue;
        statistics[4] += (double)fixedValue * warpedValue;
    }

    public override void Prepare(ReadOnlySpan<double> statistics, long count)
    {
        double n = Math.Max(1, count);
        double mf = statistics[0] / n, mw = statistics[1] / n;
        double sff = statistics[2] - n * mf * mf;
        double sww = Math.Max(statistics[3] - n * mw * mw, 1e-12);
        double sfw = statistics[4] - n * mf * mw;
        double denom = Math.Sqrt(Math.Max(sff, 1e-12) * sww);
        double rho = sfw / denom;
        Value = -rho;
        // dE/dw = −[(f − f̄)/denom − ρ (w − w̄)/S_ww] = a·f + b·w + c.
        _a = -1 / denom;
        _b = rho / sww;
        _c = mf / denom - rho * mw / sww;
    }

    public override double Derivative(float fixedValue, double warpedValue, out double valueTerm)
    {
        valueTerm = 0;
        return _a * fixedValue + _b * warpedValue + _c;
    }
}
