using System.Globalization;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Filters;

/// <summary>
/// IBSI 2 phase 2 reference values (<c>reference_values.csv</c>): every id has a configuration. The values themselves
/// are checked through the feature extractor (<see cref="IbsiPhase2ExtractorTests"/>).
/// </summary>
public class IbsiPhase2Tests
{
    private sealed record Reference(string FilterId, string Tag, double? Value, double? Tolerance);

    private static readonly Lazy<IReadOnlyList<Reference>> References = new(() =>
        File.ReadLines(SharedData.Path("ibsi", "ibsi_2_reference_data", "reference_values.csv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(';'))
            .Select(f => new Reference(f[0], f[2], Number(f[3]), Number(f[4])))
            .ToArray());

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    [SharedDataFact]
    public void Every_phase_2_filter_id_has_a_configuration_and_18_reference_values()
    {
        var ids = References.Value.Select(r => r.FilterId).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ids, IbsiPhase2Configurations.All.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(18, References.Value.Count(r => r.FilterId == id)));
    }
}
