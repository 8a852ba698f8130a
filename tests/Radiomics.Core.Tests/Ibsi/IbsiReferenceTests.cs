using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Ibsi;

/// <summary>The reference table and its comparison rule behave as the shared README describes.</summary>
public class IbsiReferenceTests
{
    [SharedDataFact]
    public void Table_holds_the_four_data_sets_of_every_family()
    {
        var sets = IbsiReference.Rows.Select(r => r.DataSet).Distinct().Order().ToArray();
        Assert.Equal(new[] { "config_A", "config_B", "config_C", "dig_phantom" }, sets);
        Assert.Equal(11, IbsiReference.Rows.Select(r => r.Family).Distinct().Count());
    }

    [Theory]
    [InlineData("0.0946", "", 0.09464, true)]
    [InlineData("0.0946", "", 0.09466, false)]
    [InlineData("3.67e5", "", 367400, true)]
    [InlineData("3.67e5", "", 367600, false)]
    [InlineData("-500", "", -500.4, true)]
    [InlineData("13.4", "1.1", 14.5, true)]
    [InlineData("13.4", "1.1", 14.6, false)]
    public void Values_without_tolerance_match_to_printed_precision(string value, string tolerance, double computed, bool pass)
    {
        var row = new IbsiReferenceRow("f", "x", "CODE", "dig_phantom", "", "", value, tolerance, "strong");
        Assert.Equal(pass, row.Accepts(computed));
    }

    [SharedDataFact]
    public void Shared_code_rows_are_told_apart_by_variant()
    {
        var computed = new[]
        {
            new FeatureValue("intensity_histogram", "Minimum discretised intensity", "1PR8", 1, Variant: "minimum"),
            new FeatureValue("intensity_histogram", "10th discretised intensity percentile", "1PR8", 1, Variant: "10th percentile"),
        };
        var comparison = IbsiReference.Compare(IbsiReference.DigitalPhantom, "intensity_histogram", computed);
        Assert.Equal(2, comparison.Results.Count(r => r.Pass));
    }
}
