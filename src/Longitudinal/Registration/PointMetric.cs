namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// A metric that is a function of the fixed and warped moving intensities pooled over the sample (not of their
/// neighbourhoods): a first pass accumulates statistics per thread, then the derivative of the metric with respect to
/// each warped intensity is a pointwise function of the two intensities. The engine chains it with the moving image
/// gradient and the transform's Jacobian to get the analytic gradient.
/// </summary>
internal abstract class PointMetric
{
    /// <summary>Whether <see cref="Accumulate"/> must run over the sample before <see cref="Derivative"/> is usable.</summary>
    public abstract bool NeedsStatistics { get; }

    /// <summary>Length of the per-thread statistics buffer (summed across threads).</summary>
    public abstract int StatisticsLength { get; }

    /// <summary>Adds one sample to a statistics buffer.</summary>
    public abstract void Accumulate(Span<double> statistics, float fixedValue, double warpedValue);

    /// <summary>Ends the first pass: computes the metric value and the tables <see cref="Derivative"/> needs.</summary>
    public abstract void Prepare(ReadOnlySpan<double> statistics, long count);

    /// <summary>The metric value after <see cref="Prepare"/> (or after <see cref="FinishWithoutStatistics"/>).</summary>
    public double Value { get; protected set; }

    /// <summary>
    /// dE/dw for one sample (already divided by the sample count); <paramref name="valueTerm"/> is the sample's share of
    /// the value for metrics that need no first pass.
    /// </summary>
    public abstract double Derivative(float fixedValue, double warpedValue, out double valueTerm);

    /// <summary>Sets the value of a metric without statistics from the summed value terms.</summary>
    public virtual void FinishWithoutStatistics(double valueTermSum, long count) => Value = valueTermSum;

    /// <summary>Called once per evaluation before the sample count is known, for metrics without statistics.</summary>
    public virtual void PrepareCount(long count)
    {
    }
}
