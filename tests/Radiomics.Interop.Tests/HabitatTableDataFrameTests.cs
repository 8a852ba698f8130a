using Radiomics.Habitats.Model;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Tables;

namespace Radiomics.Interop.Tests;

/// <summary>Per-habitat features and their deltas as DataFrames: the CSV's columns, habitat included.</summary>
public class HabitatTableDataFrameTests
{
    private static HabitatFeatureRow Row(string timePoint, int habitat, double value) =>
        new(habitat, new FeatureRow("P1", timePoint, "tumour", "original", "intensity_statistics", "Mean", "Q4LE", "", "", value));

    [Fact]
    public void Per_habitat_features_and_deltas_become_DataFrames_with_a_habitat_column()
    {
        var features = new HabitatFeatureTable([Row("t0", 1, 10), Row("t1", 1, 14), Row("t0", 2, 50), Row("t1", 2, 45), Row("t1", 3, 99)]);
        var df = features.ToDataFrame();
        Assert.Equal(features.CsvLayout.Select(c => c.Name), df.Columns.Select(c => c.Name));
        Assert.Equal(3, df.Columns.IndexOf("habitat"));
        Assert.Equal(5, df.Rows.Count);

        var days = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["P1"] = new Dictionary<string, double> { ["t0"] = 0, ["t1"] = 42 } };
        var deltas = HabitatDeltaTable.Compute(features, days, [DeltaKind.Absolute]);
        // Habitat 3 is absent at baseline: no change is made up from its first appearance.
        Assert.Equal([(1, 4.0), (2, -5.0)], deltas.Rows.Select(r => (r.Habitat, r.Delta.Value)));
        var d = deltas.ToDataFrame();
        Assert.Equal("habitat", d.Columns[2].Name);
        Assert.Equal(-5.0, (double)d.Rows[1]["value"]);
    }
}
