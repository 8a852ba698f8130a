namespace Radiomics.Longitudinal.Registration;

/// <summary>Mean squares: <c>E = (1/N) Σ (w − f)²</c>, <c>dE/dw = 2(w − f)/N</c>.</summary>
internal sealed class MeanSquaresMetric : PointMetric
{
    private double _scale;

    public override bool NeedsStatistics => false;

    public override int StatisticsLength => 0;

    public override void Accumulate(Span<double> statistics, float fixedValue, double warpedValue)
    {
    }

    public override void Prepare(ReadOnlySpan<double> statistics, long count)
    {
    }

    public override void PrepareCount(long count) => _scale = 1.0 / Math.Max(1, count);

    public override double Derivative(float fixedValue, double warpedValue, out double valueTerm)
    {
        double d = warpedValue - fixedValue;
        valueTerm = d * d * _scale;
        return 2 * d * _scale;
    }
}
