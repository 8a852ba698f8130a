using Radiomics.IO;
using Radiomics.Longitudinal.Delta;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Stability;

/// <summary>
/// Feature stability of a cohort: the ICC of every feature across repeated extractions, and the filter that keeps the
/// reliable features of a feature table.
/// </summary>
public sealed class StabilityTable
{
    /// <summary>The CSV layout: one column per property of <see cref="StabilityRow"/>.</summary>
    public static readonly IReadOnlyList<TableColumn<StabilityRow>> Columns =
    [
        new("image_type", r => r.ImageType), new("family", r => r.Family), new("feature", r => r.Feature), new("ibsi_code", r => r.IbsiCode),
        new("aggregation", r => r.Aggregation), new("variant", r => r.Variant), new("subjects", r => r.Subjects), new("repeats", r => r.Repeats),
        new("icc_2_1", r => r.IccAbsoluteAgreement), new("icc_3_1", r => r.IccConsistency),
    ];

    public static string Header => RecordTable.Header(Columns);

    public StabilityTable(IEnumerable<StabilityRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = [.. rows];
    }

    public IReadOnlyList<StabilityRow> Rows { get; }

    /// <summary>
    /// ICCs from repeated extractions: <paramref name="repeats"/> is a long feature table whose <c>timepoint</c> column
    /// names the repeat (a perturbation, or "test"/"retest"). Each feature needs the same repeats for every subject;
    /// subjects missing a repeat of a feature are left out of that feature's ICC.
    /// </summary>
    public static StabilityTable FromRepeats(FeatureTable repeats)
    {
        ArgumentNullException.ThrowIfNull(repeats);
        var repeatNames = repeats.Select(r => r.TimePoint).Distinct().Order(StringComparer.Ordinal).ToArray();
        var rows = new List<StabilityRow>();
        foreach (var feature in repeats.GroupBy(r => (r.ImageType, r.Family, r.Feature, r.IbsiCode, r.Aggregation, r.Variant)))
        {
            var bySubject = feature.GroupBy(r => r.Subject)
                .Select(g => g.ToDictionary(r => r.TimePoint, r => r.Value, StringComparer.Ordinal))
                .Where(d => repeatNames.All(d.ContainsKey))
                .ToArray();
            double agreement = double.NaN, consistency = double.NaN;
            if (bySubject.Length >= 2 && repeatNames.Length >= 2)
            {
                var ratings = new double[bySubject.Length, repeatNames.Length];
                bool finite = true;
                for (int i = 0; i < bySubject.Length; i++)
                {
                    for (int j = 0; j < repeatNames.Length; j++)
                    {
                        ratings[i, j] = bySubject[i][repeatNames[j]];
                        finite &= double.IsFinite(ratings[i, j]);
                    }
                }

                if (finite)
                {
                    agreement = IntraclassCorrelation.Compute(ratings, IccForm.AbsoluteAgreement).Value;
                    consistency = IntraclassCorrelation.Compute(ratings, IccForm.Consistency).Value;
                }
            }

            var k = feature.Key;
            rows.Add(new StabilityRow(k.ImageType, k.Family, k.Feature, k.IbsiCode, k.Aggregation, k.Variant, bySubject.Length, repeatNames.Length, agreement, consistency));
        }

        return new StabilityTable(rows);
    }

    /// <summary>The rows of <paramref name="features"/> whose feature reaches the ICC(2,1) threshold.</summary>
    public FeatureTable KeepStable(FeatureTable features, double threshold)
    {
        ArgumentNullException.ThrowIfNull(features);
        var stable = Rows.Where(r => r.IsStable(threshold)).Select(r => r.Key).ToHashSet();
        return features.Where(r => stable.Contains((r.ImageType, r.Family, r.Feature, r.Aggregation, r.Variant)));
    }

    public void WriteCsv(string path) => RecordTable.Write(path, Columns, Rows);

    public string ToCsv() => RecordTable.ToCsv(Columns, Rows);

    public static StabilityTable ReadCsv(string path) => new(RecordTable.Read(path, r => new StabilityRow(
        r.Text("image_type"), r.Text("family"), r.Text("feature"), r.Text("ibsi_code"), r.Text("aggregation"), r.Text("variant"),
        (int)r.Integer("subjects"), (int)r.Integer("repeats"), r.Number("icc_2_1"), r.Number("icc_3_1"))));
}
