using Radiomics.Core.Tests.Ibsi;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Ibsi;

public class IbsiNamesTests
{
    [SharedDataFact]
    public void Computed_features_carry_the_reference_tables_names_for_their_codes()
    {
        // The reference table writes superscripts in reStructuredText ("10\ :sup:`th`"); the toolkit writes "10th".
        var names = IbsiReference.Rows
            .GroupBy(r => (r.Family, r.IbsiCode, r.Variant.Length > 0 && r.IbsiCode == "1PR8" ? r.Variant : ""))
            .ToDictionary(g => g.Key, g => g.First().Feature.Replace("\\ :sup:`th`", "th", StringComparison.Ordinal));
        int matched = 0;
        foreach (var v in IbsiDataSets.Features(IbsiReference.DigitalPhantom).Values())
        {
            // Features without reference values (e.g. OMBB and MVEE densities) are not in the table.
            if (names.TryGetValue((v.Family, v.IbsiCode, v.IbsiCode == "1PR8" ? v.Variant : ""), out var name))
            {
                Assert.True(name == v.Feature, $"{v.Family} {v.IbsiCode}: '{v.Feature}' should be named '{name}'");
                matched++;
            }
        }

        Assert.True(matched >= 49, $"only {matched} computed features are in the reference table");
    }
}
