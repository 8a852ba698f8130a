namespace Radiomics.Imaging;

/// <summary>
/// Running intensity range, mean and count of non-finite values over chunks of voxels, so a summary never needs the
/// whole image in memory (<see cref="IO.ImageFile.ReadSummary"/>).
/// </summary>
public sealed class IntensityAccumulator
{
    private double _sum;
    private long _finite;

    public double Minimum { get; private set; } = double.NaN;

    public double Maximum { get; private set; } = double.NaN;

    public long NonFinite { get; private set; }

    /// <summary>Mean of the finite values (NaN when there is none).</summary>
    public double Mean => _finite > 0 ? _sum / _finite : double.NaN;

    public void Add(ReadOnlySpan<double> values)
    {
        double min = Minimum, max = Maximum, sum = 0;
        long finite = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                NonFinite++;
                continue;
            }

            // NaN compares false, so the first finite value replaces the initial NaN.
            if (!(v >= min))
            {
                min = v;
            }

            if (!(v <= max))
            {
                max = v;
            }

            sum += v;
            finite++;
        }

        (Minimum, Maximum) = (min, max);
        _sum += sum;
        _finite += finite;
    }
}
