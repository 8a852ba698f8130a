using FsCheck.Fluent;
using FsCheck;
using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class IntensityStatisticsTests
{
    [SharedDataTheory]
    [MemberData(nameof(IbsiDataSets.WithReferenceValues), MemberType = typeof(IbsiDataSets))]
    public void IntensityStatistics_matches_IBSI_reference_values(string dataSet)
    {
        IbsiReference.Compare(dataSet, IntensityStatistics.Family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }


    [Fact]
    public void Small_sample_by_hand()
    {
        double[] x = [4, 1, 2, 3, 10];
        var f = IntensityStatistics.Compute(x).ToDictionary(v => v.IbsiCode, v => v.Value);
        Assert.Equal(4, f["Q4LE"]);
        Assert.Equal(10, f["ECT3"]); // (0 + 9 + 4 + 1 + 36)/5
        Assert.Equal(3, f["Y12H"]);
        Assert.Equal(1.4, f["QG58"], 12); // numpy linear: 1 + 0.4·(2 − 1)
        Assert.Equal(7.6, f["8DWT"], 12); // 4 + 0.6·(10 − 4)
        Assert.Equal(2, f["SALO"]);
        Assert.Equal(9, f["2OJQ"]);
        Assert.Equal(2.4, f["4FUA"], 12);
        Assert.Equal(2.2, f["N72L"], 12); // |4−3|+|1−3|+|2−3|+0+7 = 11, /5
        Assert.Equal(2.0 / 3, f["1128"], 12); // {2, 3, 4} within [1.4, 7.6]: mean 3, deviations 1, 0, 1
        Assert.Equal(130, f["N8CA"]);
        Assert.Equal(Math.Sqrt(26), f["5ZWQ"], 12);
        Assert.Equal(Math.Sqrt(10) / 4, f["7TET"], 12);
        Assert.Equal(18, f.Count);
    }

    [Fact]
    public void Two_voxels_leave_nothing_within_the_10th_to_90th_percentile_so_the_robust_deviation_is_NaN()
    {
        var f = IntensityStatistics.Compute([-31.0, 239]).ToDictionary(v => v.IbsiCode, v => v.Value);
        Assert.True(double.IsNaN(f["1128"]));
        Assert.Equal(135, f["4FUA"]);
    }

    [Fact]
    public void A_constant_ROI_has_zero_spread_and_zero_shape_statistics()
    {
        var f = IntensityStatistics.Compute([7.0]).ToDictionary(v => v.IbsiCode, v => v.Value);
        Assert.Equal(0, f["ECT3"]);
        Assert.Equal(0, f["KE2A"]);
        Assert.Equal(0, f["IPH6"]);
        Assert.Equal(7, f["8DWT"]);
        Assert.Throws<EmptyRoiException>(() => IntensityStatistics.Compute([]));
    }

    [Fact]
    public void Shifting_intensities_shifts_location_and_keeps_spread_and_shape()
    {
        var gen = Gen.Choose(-500, 500).ArrayOf().Where(a => a.Length > 1).Zip(Gen.Choose(-1000, 1000));
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var a = IntensityStatistics.Compute(c.Item1.Select(v => (double)v).ToArray()).ToDictionary(v => v.IbsiCode, v => v.Value);
            var b = IntensityStatistics.Compute(c.Item1.Select(v => (double)v + c.Item2).ToArray()).ToDictionary(v => v.IbsiCode, v => v.Value);
            // NaN on both sides is the same result (the robust deviation of two voxels: nothing lies within [P10, P90]).
            bool Same(string k) => Math.Abs(a[k] - b[k]) <= 1e-6 * (1 + Math.Abs(a[k])) || (double.IsNaN(a[k]) && double.IsNaN(b[k]));
            bool Shifted(string k) => Math.Abs(a[k] + c.Item2 - b[k]) <= 1e-6 * (1 + Math.Abs(a[k]));
            return Shifted("Q4LE") && Shifted("Y12H") && Shifted("QG58") && Shifted("84IY")
                && Same("ECT3") && Same("SALO") && Same("4FUA") && Same("1128") && Same("N72L") && Same("2OJQ")
                && (a["ECT3"] < 1e-9 || (Same("KE2A") && Same("IPH6")));
        }).QuickCheckThrowOnFailure();
    }
}
