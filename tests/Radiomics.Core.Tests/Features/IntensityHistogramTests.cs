using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class IntensityHistogramTests
{
    [SharedDataTheory]
    [MemberData(nameof(IbsiDataSets.WithReferenceValues), MemberType = typeof(IbsiDataSets))]
    public void IntensityHistogram_matches_IBSI_reference_values(string dataSet)
    {
        IbsiReference.Compare(dataSet, IntensityHistogram.Family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }


    [Fact]
    public void Mode_ties_go_to_the_level_nearest_the_mean_then_to_the_lower_one()
    {
        // Counts 3 of level 1 and 3 of level 4, one 6: mean 23/7 ≈ 3.29, closer to 4.
        var f = IntensityHistogram.Compute([1, 1, 1, 4, 4, 4, 6], 6).ToDictionary(v => v.Feature, v => v.Value);
        Assert.Equal(4, f["Intensity histogram mode"]);
        // Counts 2 of 2 and 2 of 4: mean 3 is equidistant; the lower level wins.
        f = IntensityHistogram.Compute([2, 2, 4, 4], 4).ToDictionary(v => v.Feature, v => v.Value);
        Assert.Equal(2, f["Intensity histogram mode"]);
    }

    [Fact]
    public void Histogram_gradient_counts_empty_bins_and_reports_the_first_extreme()
    {
        // H = {2, 0, 5, 1}: H' = {−2, 1.5, 0.5, −4}.
        var f = IntensityHistogram.Compute([1, 1, 3, 3, 3, 3, 3, 4, 0, 0], 4).ToDictionary(v => v.Feature, v => v.Value);
        Assert.Equal(1.5, f["Maximum histogram gradient"]);
        Assert.Equal(2, f["Maximum histogram gradient intensity"]);
        Assert.Equal(-4, f["Minimum histogram gradient"]);
        Assert.Equal(4, f["Minimum histogram gradient intensity"]);
        Assert.Equal(23, f.Count);
    }

    [Fact]
    public void Entropy_and_uniformity_of_a_uniform_histogram()
    {
        var f = IntensityHistogram.Compute([1, 2, 3, 4, 5, 6, 7, 8], 8).ToDictionary(v => v.Feature, v => v.Value);
        Assert.Equal(3, f["Discretised intensity entropy"], 12);
        Assert.Equal(0.125, f["Discretised intensity uniformity"], 12);
        var single = IntensityHistogram.Compute([5], 5).ToDictionary(v => v.Feature, v => v.Value);
        Assert.Equal(0, single["Discretised intensity entropy"]);
        Assert.Throws<EmptyRoiException>(() => IntensityHistogram.Compute([0, 0], 3));
    }

    [Fact]
    public void The_two_1PR8_values_carry_the_reference_tables_variants()
    {
        var values = IntensityHistogram.Compute([1, 2, 3], 3).Where(v => v.IbsiCode == "1PR8").Select(v => v.Variant).ToArray();
        Assert.Equal(["minimum", "10th percentile"], values);
    }
}
