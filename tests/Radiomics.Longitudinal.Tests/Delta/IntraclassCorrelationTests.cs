using Radiomics.Longitudinal.Delta;

namespace Radiomics.Longitudinal.Tests.Delta;

public class IntraclassCorrelationTests
{
    // Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges. Published: BMS 11.24, JMS 32.49, EMS 1.02,
    // ICC(2,1) = .29, ICC(3,1) = .71. The exact values below follow from those mean squares by hand.
    private static readonly double[,] ShroutFleiss =
    {
        { 9, 2, 5, 8 },
        { 6, 1, 3, 2 },
        { 8, 4, 6, 8 },
        { 7, 1, 2, 6 },
        { 10, 5, 6, 9 },
        { 6, 2, 4, 7 },
    };

    [Fact]
    public void Icc21_matches_Shrout_and_Fleiss()
    {
        var r = IntraclassCorrelation.Compute(ShroutFleiss, IccForm.AbsoluteAgreement);
        Assert.Equal(11.241666666666667, r.MeanSquareRows, 12);
        Assert.Equal(32.486111111111111, r.MeanSquareColumns, 12);
        Assert.Equal(1.0194444444444444, r.MeanSquareError, 12);
        Assert.Equal(0.29, r.Value, 2);
        Assert.Equal(0.2897637795275591, r.Value, 12);
    }

    [Fact]
    public void Icc31_matches_Shrout_and_Fleiss()
    {
        var r = IntraclassCorrelation.Compute(ShroutFleiss, IccForm.Consistency);
        Assert.Equal(0.71, r.Value, 2);
        Assert.Equal(0.7148407148407148, r.Value, 12);
    }

    [Fact]
    public void A_constant_offset_between_repeats_lowers_agreement_but_not_consistency()
    {
        var ratings = new double[5, 2];
        for (int i = 0; i < 5; i++)
        {
            ratings[i, 0] = i * 3.0;
            ratings[i, 1] = i * 3.0 + 4;
        }

        Assert.Equal(1.0, IntraclassCorrelation.Compute(ratings, IccForm.Consistency).Value, 12);
        Assert.True(IntraclassCorrelation.Compute(ratings, IccForm.AbsoluteAgreement).Value < 0.9);
    }

    [Fact]
    public void Too_few_subjects_or_non_finite_ratings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(new double[1, 3], IccForm.Consistency));
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(new double[,] { { 1, 2 }, { double.NaN, 3 } }, IccForm.Consistency));
    }
}
