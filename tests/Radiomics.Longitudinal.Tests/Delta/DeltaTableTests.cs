using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Delta;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Tests.Delta;

public class DeltaTableTests
{
    private static FeatureRow Row(string subject, string timePoint, double value, string code = "Q4LE") =>
        new(subject, timePoint, "tumour", "original", "intensity_statistics", code == "Q4LE" ? "Mean" : "Variance", code, "", "", value);

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Days =
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["A"] = new Dictionary<string, double> { ["base"] = 0, ["w6"] = 42, ["w12"] = 84 },
        };

    [Fact]
    public void Hand_computed_deltas_and_slope()
    {
        // Unordered input; baseline is the earliest day, not the first row.
        var table = new FeatureTable([Row("A", "w12", 40), Row("A", "base", 100), Row("A", "w6", 70)]);
        var deltas = DeltaTable.Compute(table, Days, DeltaTable.AllKinds);
        Assert.Equal(-30, deltas.Find("A", "Q4LE", "w6", DeltaKind.Absolute).Value, 12);
        Assert.Equal(-60, deltas.Find("A", "Q4LE", "w12", DeltaKind.RelativePercent).Value, 12);
        Assert.Equal(Math.Log(0.4), deltas.Find("A", "Q4LE", "w12", DeltaKind.LogRatio).Value, 12);
        // Points (0, 100), (42, 70), (84, 40) lie on a line of slope −30/42.
        Assert.Equal(-30.0 / 42, deltas.Find("A", "Q4LE", "w12", DeltaKind.SlopePerDay).Value, 12);
        Assert.Equal(7, deltas.Rows.Count); // 3 kinds × 2 follow-ups + 1 slope
    }

    [Fact]
    public void Time_point_without_a_day_and_duplicate_values_are_errors()
    {
        var unknown = new FeatureTable([Row("A", "base", 1), Row("A", "w99", 2)]);
        Assert.Contains("w99", Assert.Throws<StudyException>(() => DeltaTable.Compute(unknown, Days, DeltaTable.AllKinds)).Message, StringComparison.Ordinal);
        var twice = new FeatureTable([Row("A", "base", 1), Row("A", "w6", 2), Row("A", "w6", 3)]);
        Assert.Contains("twice", Assert.Throws<StudyException>(() => DeltaTable.Compute(twice, Days, DeltaTable.AllKinds)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_has_one_row_per_delta_and_kind_names()
    {
        var table = new FeatureTable([Row("A", "base", 2), Row("A", "w6", 0)]);
        var csv = DeltaTable.Compute(table, Days, [DeltaKind.LogRatio, DeltaKind.Absolute]).ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', DeltaTable.Columns), csv[0]);
        Assert.Equal(3, csv.Length);
        Assert.EndsWith(",42,log_ratio,2,0,", csv[1], StringComparison.Ordinal); // ln(0/2) is undefined: empty
        Assert.EndsWith(",42,absolute,2,0,-2", csv[2], StringComparison.Ordinal);
    }
}
