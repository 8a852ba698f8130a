using FsCheck;
using FsCheck.Fluent;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Processing;

public class ResegmentTests
{
    private static readonly double[] Values = [-1000, -600, -500, -20, 0, 35, 400, 401, 900, double.NaN];
    private static readonly bool[] Roi = [true, true, true, true, true, true, true, true, false, true];

    [Fact]
    public void Range_keeps_the_closed_interval_inside_the_ROI_and_leaves_the_morphological_mask_alone()
    {
        var roi = (bool[])Roi.Clone();
        var mask = Resegment.IntensityMask(Values, roi, new ResegmentationSettings { Minimum = -500, Maximum = 400 });
        Assert.Equal([false, false, true, true, true, true, true, false, false, false], mask);
        Assert.Equal(Roi, roi);
    }

    [Fact]
    public void A_half_open_range_has_no_upper_bound()
    {
        var mask = Resegment.IntensityMask(Values, Roi, new ResegmentationSettings { Minimum = -500 });
        Assert.Equal([false, false, true, true, true, true, true, true, false, false], mask);
    }

    [Fact]
    public void Outlier_filter_uses_mean_and_population_SD_of_the_ROI()
    {
        double[] v = [.. Enumerable.Repeat(10.0, 99), 1000];
        var roi = Enumerable.Repeat(true, 100).ToArray();
        // μ = 19.9, σ = √(Σ(x−μ)²/100) = 98.5; 1000 lies beyond μ + 3σ = 315.4.
        var (lo, hi) = Resegment.Range(v, roi, new ResegmentationSettings { OutlierSigma = 3 });
        Assert.Equal(19.9 - 3 * 98.5, lo, 1);
        Assert.Equal(19.9 + 3 * 98.5, hi, 1);
        var mask = Resegment.IntensityMask(v, roi, new ResegmentationSettings { OutlierSigma = 3 });
        Assert.Equal(99, mask.Count(m => m));
        Assert.False(mask[99]);
    }

    [Fact]
    public void Range_and_outlier_filter_combine_as_the_intersection_of_their_intervals()
    {
        double[] v = [.. Enumerable.Range(0, 101).Select(i => (double)i)];
        var roi = Enumerable.Repeat(true, v.Length).ToArray();
        var (lo, hi) = Resegment.Range(v, roi, new ResegmentationSettings { Minimum = 20, Maximum = 1000, OutlierSigma = 2 });
        // μ = 50, σ = √850 ≈ 29.2: μ − 2σ < 20 so the range decides below, μ + 2σ < 1000 so the filter decides above.
        Assert.Equal(20, lo);
        Assert.Equal(50 + 2 * Math.Sqrt(850), hi, 9);
    }

    [Fact]
    public void Intensity_mask_is_always_a_subset_of_the_ROI_without_non_finite_values()
    {
        var gen = Gen.Choose(-2000, 2000).Select(i => i == 1999 ? double.NaN : i).ArrayOf().SelectMany(
            values => Gen.Elements(true, false).ArrayOf(values.Length).Select(roi => (values, roi)));
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var mask = Resegment.IntensityMask(c.values, c.roi, new ResegmentationSettings { Minimum = -100, OutlierSigma = 2 });
            return mask.Select((m, i) => !m || (c.roi[i] && double.IsFinite(c.values[i]) && c.values[i] >= -100)).All(ok => ok);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Invalid_settings_are_named()
    {
        Assert.Throws<ArgumentException>(() => Resegment.IntensityMask(Values, Roi, new ResegmentationSettings { Minimum = 5, Maximum = 1 }));
        Assert.Throws<ArgumentException>(() => Resegment.IntensityMask(Values, Roi, new ResegmentationSettings { OutlierSigma = -1 }));
        Assert.Throws<ArgumentException>(() => Resegment.IntensityMask(Values, [true], new ResegmentationSettings()));
    }
}
