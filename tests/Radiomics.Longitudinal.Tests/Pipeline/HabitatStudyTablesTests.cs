using System.Globalization;
using Radiomics.Habitats.Model;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

/// <summary>
/// <see cref="HabitatStudyTables"/>: the study's per-habitat tables are streamed from the subjects' own tables (the same
/// bytes as the whole table computed in memory) and the study result reads them from disk when first used.
/// </summary>
public class HabitatStudyTablesTests
{
    [Fact]
    public void Study_tables_are_the_subjects_tables_concatenated_and_the_result_reads_them_from_disk()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"), StudyFixture.Cohort with { Subjects = 3, VolumeChangePerInterval = [-0.25, 0.10, 0.0] });
        var settings = StudyFixture.Quick with { Habitats = new() };
        var result = StudyPipeline.Run(cohort, report, settings, Path.Combine(tmp.Path, "out"));
        Assert.Empty(result.Failed);
        var layout = result.Layout;

        // The oracle: every subject's table in memory, concatenated, and the deltas of the whole.
        var subjects = cohort.Subjects.Select(s => s.Id).Order(StringComparer.Ordinal).ToArray();
        var expected = HabitatFeatureTable.Concat(subjects.Select(s => HabitatFeatureTable.ReadCsv(layout.SubjectHabitatFeatures(s))));
        var finished = StudyTables.Finished(layout);
        var days = subjects.ToDictionary(s => s, s => finished[s].Days, StringComparer.Ordinal);
        var expectedDeltas = HabitatDeltaTable.Compute(expected, days, settings.Deltas);
        Assert.Equal(subjects, expected.Select(r => r.Feature.Subject).Distinct());
        Assert.Equal([1, 2, 3], expected.Habitats);
        Assert.NotEmpty(expectedDeltas.Rows);
        Assert.Equal(Written(tmp, expected.WriteCsv), File.ReadAllText(layout.HabitatFeatures));
        Assert.Equal(Written(tmp, expectedDeltas.WriteCsv), File.ReadAllText(layout.HabitatDeltas));
        Assert.Equal(Written(tmp, p => HabitatFeatureSkip.WriteCsv(p, [])), File.ReadAllText(layout.HabitatFeaturesSkipped));
        Assert.Empty(Directory.EnumerateFiles(layout.Root, "*.tmp", SearchOption.AllDirectories));

        // The counts come without reading; the rows come from the files as they are when first used, so a value changed
        // on disk after the run shows: the study did not keep the rows.
        Assert.Equal(expected.Count, result.HabitatFeatures.Count);
        Assert.Equal(expectedDeltas.Rows.Count, result.HabitatDeltas.Rows.Count);
        Assert.Empty(result.HabitatFeatureSkips);
        var features = HabitatFeatureTable.ReadCsv(layout.HabitatFeatures);
        new HabitatFeatureTable(features.Select((r, i) => i == 0 ? r with { Feature = r.Feature with { Value = 12345.5 } } : r)).WriteCsv(layout.HabitatFeatures);
        var deltas = HabitatDeltaTable.ReadCsv(layout.HabitatDeltas);
        new HabitatDeltaTable(deltas.Rows.Select((r, i) => i == 1 ? r with { Delta = r.Delta with { Value = -6789.25 } } : r)).WriteCsv(layout.HabitatDeltas);
        Assert.Equal(12345.5, result.HabitatFeatures[0].Feature.Value);
        Assert.Equal(-6789.25, result.HabitatDeltas.Rows[1].Delta.Value);
        Assert.Equal(expected.Skip(1), result.HabitatFeatures.Skip(1));
        Assert.Equal(expectedDeltas.Rows.Where((_, i) => i != 1), result.HabitatDeltas.Rows.Where((_, i) => i != 1));

        // Merging the study folder writes the same tables again, from the subjects' tables.
        var merged = new StudyLayout(Path.Combine(tmp.Path, "merged"));
        var tables = StudyTables.Merge([layout], merged, settings.Deltas);
        Assert.Equal(Written(tmp, expected.WriteCsv), File.ReadAllText(merged.HabitatFeatures));
        Assert.Equal(Written(tmp, expectedDeltas.WriteCsv), File.ReadAllText(merged.HabitatDeltas));
        Assert.Equal(expected.Count, tables.HabitatFeatures.Count);
        Assert.Equal(expected, tables.HabitatFeatures);
    }

    [Fact]
    public void Without_per_habitat_features_the_study_tables_of_an_earlier_run_are_removed()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"), StudyFixture.Cohort with { TimePoints = 2 });
        var output = Path.Combine(tmp.Path, "out");
        var settings = StudyFixture.Quick with { Habitats = new() };
        var first = StudyPipeline.Run(cohort, report, settings, output);
        Assert.True(first.HabitatFeatures.Count > 0, "the first run has per-habitat features");
        Assert.True(File.Exists(first.Layout.HabitatDeltas));

        var second = StudyPipeline.Run(cohort, report, settings with { Habitats = new() { PerHabitatFeatures = false } }, output);
        Assert.Empty(second.HabitatFeatures);
        Assert.Empty(second.HabitatDeltas.Rows);
        Assert.False(File.Exists(second.Layout.HabitatFeatures));
        Assert.False(File.Exists(second.Layout.HabitatFeaturesSkipped));
        Assert.False(File.Exists(second.Layout.HabitatDeltas));
    }

    [Fact]
    public void Channels_skips_and_a_habitat_missing_at_baseline_give_the_tables_of_the_whole_in_memory()
    {
        using var tmp = new TempDirectory();
        var layout = new StudyLayout(Path.Combine(tmp.Path, "study"));
        // B's habitat 3 is empty at baseline (skipped there), so it has no deltas; C has no per-habitat tables at all.
        HabitatFeatureRow Row(string subject, string timePoint, string channel, int habitat, string code, double value) =>
            new(habitat, new FeatureRow(subject, timePoint, "tumour", "original", "intensity_statistics", code == "Q4LE" ? "Mean" : "Median", code, "", "", value) { Channel = channel });
        var tables = new Dictionary<string, HabitatFeatureTable>
        {
            ["A"] = new([.. from tp in new[] { "t0", "t1", "t2" } from ch in new[] { "T2", "ADC" } from h in new[] { 1, 2, 3 } from code in new[] { "Q4LE", "Y12H" }
                         select Row("A", tp, ch, h, code, (10 * h) + (tp == "t0" ? 0 : tp == "t1" ? 1.5 : -2) + (ch == "ADC" ? 100 : 0) + (code == "Y12H" ? 0.25 : 0))]),
            ["B"] = new([.. from tp in new[] { "t0", "t1" } from ch in new[] { "T2", "ADC" } from h in new[] { 1, 2, 3 } from code in new[] { "Q4LE", "Y12H" }
                         where !(tp == "t0" && h == 3)
                         select Row("B", tp, ch, h, code, (7 * h) + (tp == "t0" ? 0 : 3) + (ch == "ADC" ? 50 : 0) + (code == "Y12H" ? 0.5 : 0))]),
        };
        var skips = new[] { new HabitatFeatureSkip("B", "t0", "T2", 3, 0, "all", "the habitat is empty"), new HabitatFeatureSkip("B", "t0", "ADC", 3, 0, "all", "the habitat is empty") };
        foreach (var (subject, table) in tables)
        {
            table.WriteCsv(layout.SubjectHabitatFeatures(subject));
        }

        HabitatFeatureSkip.WriteCsv(layout.SubjectHabitatFeaturesSkipped("B"), skips);
        var days = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
        {
            ["A"] = new Dictionary<string, double> { ["t0"] = 0, ["t1"] = 30, ["t2"] = 61 },
            ["B"] = new Dictionary<string, double> { ["t0"] = 0, ["t1"] = 28 },
            ["C"] = new Dictionary<string, double> { ["t0"] = 0 },
        };
        var kinds = Radiomics.Longitudinal.Delta.DeltaTable.AllKinds;

        var (features, skipped, deltas) = HabitatStudyTables.Write([(layout, "A"), (layout, "B"), (layout, "C")], layout, days, kinds);

        var whole = HabitatFeatureTable.Concat([tables["A"], tables["B"]]);
        var wholeDeltas = HabitatDeltaTable.Compute(whole, days, kinds);
        Assert.DoesNotContain(wholeDeltas.Rows, r => r.Delta.Subject == "B" && r.Habitat == 3);
        Assert.Contains(wholeDeltas.Rows, r => r.Delta.Subject == "A" && r.Habitat == 3);
        Assert.StartsWith("subject,region,channel,habitat,", File.ReadLines(layout.HabitatDeltas).First(), StringComparison.Ordinal);
        Assert.Equal(Written(tmp, whole.WriteCsv), File.ReadAllText(layout.HabitatFeatures));
        Assert.Equal(Written(tmp, wholeDeltas.WriteCsv), File.ReadAllText(layout.HabitatDeltas));
        Assert.Equal(Written(tmp, p => HabitatFeatureSkip.WriteCsv(p, skips)), File.ReadAllText(layout.HabitatFeaturesSkipped));
        Assert.Equal((whole.Count, 2, wholeDeltas.Rows.Count), (features.Count, skipped.Count, deltas.Rows.Count));
        Assert.Equal(skips, skipped);
        Assert.Equal(wholeDeltas.Rows, deltas.Rows);
    }

    /// <summary>What a table writer writes, as text.</summary>
    private static string Written(TempDirectory tmp, Action<string> write)
    {
        string path = Path.Combine(tmp.Path, string.Create(CultureInfo.InvariantCulture, $"expected_{Guid.NewGuid():N}.csv"));
        write(path);
        return File.ReadAllText(path);
    }
}
