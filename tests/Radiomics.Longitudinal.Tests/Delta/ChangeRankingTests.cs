using Radiomics.Longitudinal.Delta;

namespace Radiomics.Longitudinal.Tests.Delta;

public class ChangeRankingTests
{
    private static DeltaRow Row(string subject, string feature, double baseline, double followUp) =>
        new(subject, "tumour", "original", "f", feature, "", "", "", "t1", 42, DeltaKind.Absolute, baseline, followUp, followUp - baseline);

    [Fact]
    public void A_feature_near_zero_does_not_lead_the_ranking_by_its_huge_relative_change()
    {
        // Volume shrinks by a third in every patient; skewness goes from 0.01 to about 0.2 (+1900 %) but varies as much between patients.
        var deltas = new DeltaTable(
        [
            Row("P1", "volume", 30_000, 20_000), Row("P2", "volume", 31_000, 20_500), Row("P3", "volume", 29_500, 19_800),
            Row("P1", "skewness", 0.01, 0.20), Row("P2", "skewness", 0.25, 0.02), Row("P3", "skewness", 0.12, 0.15),
        ]);
        var ranked = ChangeRanking.Largest(deltas, 2);
        Assert.Equal(["volume", "skewness"], ranked.Select(r => r.Feature));
        Assert.Equal(-33.3, ranked[0].MedianRelativePercent, 1);
        Assert.True(ranked[0].StandardisedChange < -1.5, $"{ranked[0].StandardisedChange}");
        Assert.Equal(3, ranked[0].Subjects);
    }

    [Fact]
    public void Constant_and_non_finite_features_are_left_out()
    {
        var deltas = new DeltaTable([Row("P1", "constant", 5, 5), Row("P2", "constant", 5, 5), Row("P1", "broken", 1, double.NaN), Row("P2", "broken", 2, 3)]);
        Assert.Empty(ChangeRanking.Largest(deltas, 10));
    }
}
