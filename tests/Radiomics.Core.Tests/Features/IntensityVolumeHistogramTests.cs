using Radiomics.Processing;
using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class IntensityVolumeHistogramTests
{
    [SharedDataTheory]
    [MemberData(nameof(IbsiDataSets.WithReferenceValues), MemberType = typeof(IbsiDataSets))]
    public void IntensityVolumeHistogram_matches_IBSI_reference_values(string dataSet)
    {
        IbsiReference.Compare(dataSet, IntensityVolumeHistogram.Family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }


    [Fact]
    public void Volume_and_intensity_fractions_by_hand()
    {
        // Ten voxels 1..10 on G = [1, 10], w = 1: ν_i = (11 − i)/10, γ_i = (i − 1)/9.
        var data = new IntensityVolumeHistogramData([.. Enumerable.Range(1, 10).Select(i => (double)i)], 1, 1, 10);
        var f = IntensityVolumeHistogram.Compute(data).ToDictionary(v => v.Variant, v => v.Value);
        Assert.Equal(0.9, f["volume fraction at 10% intensity"], 12); // first γ ≥ 0.1 is i = 2
        Assert.Equal(0.1, f["volume fraction at 90% intensity"], 12); // first γ ≥ 0.9 is i = 10 (γ = 1)
        Assert.Equal(10, f["intensity at 10% volume"]); // smallest i with ν ≤ 0.1
        Assert.Equal(2, f["intensity at 90% volume"]);
        Assert.Equal(0.8, f["volume fraction difference between 10% and 90% intensity"], 12);
        Assert.Equal(8, f["intensity difference between 10% and 90% volume"]);
    }

    [Fact]
    public void Degenerate_ranges_give_documented_results_not_crashes()
    {
        var single = IntensityVolumeHistogram.Compute(new IntensityVolumeHistogramData([5, 5, 5], 1, 5, 5)).ToDictionary(v => v.Variant, v => v.Value);
        Assert.True(double.IsNaN(single["volume fraction at 10% intensity"]));
        // ν = 1 at the only intensity, so I_x is the first intensity above G.
        Assert.Equal(6, single["intensity at 10% volume"]);
        Assert.Throws<EmptyRoiException>(() => IntensityVolumeHistogram.Compute(new IntensityVolumeHistogramData([], 1, 0, 1)));
        Assert.Throws<ArgumentException>(() => IntensityVolumeHistogram.Compute(new IntensityVolumeHistogramData([1], 0, 0, 1)));
        // Intensities as they are over a range of 10⁹ (e.g. an uncalibrated image) would need 10⁹ steps.
        var e = Assert.Throws<InvalidInputException>(() => IntensityVolumeHistogram.Compute(new IntensityVolumeHistogramData([0, 1e9], 1, 0, 1e9)));
        Assert.Contains("fixed bin number", e.Message, StringComparison.Ordinal);
    }
}
