using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Tables;

public class FeatureTableTests
{
    private static FeatureTable Sample() => FeatureTable.FromValues(
        [
            new FeatureValue("intensity_statistics", "Mean intensity", "Q4LE", 13.4),
            new FeatureValue("glcm", "Joint entropy", "TU9B", 6.1234567890123456, "3D, merged"),
            new FeatureValue("glcm", "Joint entropy", "TU9B", 6.2, "3D, averaged"),
            new FeatureValue("ivh", "Volume at intensity fraction", "BC2M", 0.978, Variant: "volume fraction at 10% intensity"),
            new FeatureValue("ivh", "Volume at intensity fraction", "BC2M", double.NaN, Variant: "volume fraction at 90% intensity"),
        ],
        subject: "P1", timePoint: "baseline", region: "1");

    [Fact]
    public void CSV_round_trip_keeps_every_column_and_every_double_exactly()
    {
        using var tmp = new TempDirectory();
        var table = Sample().Concat(FeatureTable.FromValues(
            [new FeatureValue("odd, family", "name with \"quotes\"", "X", 1e-300), new FeatureValue("f", "inf", "Y", double.NegativeInfinity)],
            subject: "P,2", timePoint: "", region: "", imageType: "wavelet-LLH"));
        table.WriteCsv(tmp.File("t.csv"));
        var back = FeatureTable.ReadCsv(tmp.File("t.csv"));
        Assert.Equal(table.ToList(), back.ToList());
        Assert.StartsWith("subject,timepoint,region,image_type,family,feature,ibsi_code,aggregation,variant,value,pyradiomics_name\n", File.ReadAllText(tmp.File("t.csv")), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Any_double_survives_the_CSV()
    {
        Prop.ForAll(ArbMap.Default.GeneratorFor<double>().ToArbitrary(), v =>
        {
            var t = FeatureTable.FromValues([new FeatureValue("f", "x", "C", v)]);
            var w = new StringWriter();
            t.WriteCsv(w);
            var back = FeatureTable.ReadCsv(new StringReader(w.ToString()));
            return back[0].Value.Equals(v);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reading_reports_missing_columns_and_bad_numbers_with_the_source()
    {
        var e = Assert.Throws<TableFileException>(() => FeatureTable.ReadCsv(new StringReader("family,feature\nf,x\n"), "my.csv"));
        Assert.Contains("my.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("value", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TableFileException>(() => FeatureTable.ReadCsv(new StringReader("family,feature,value\nf,x,1\nf,y,abc\n"), "my.csv"));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("abc", e.Message, StringComparison.Ordinal);
        var minimal = FeatureTable.ReadCsv(new StringReader("family,feature,value,extra\nf,x,2.5,zzz\n"));
        Assert.Equal(new FeatureRow("", "", "", "original", "f", "x", "", "", "", 2.5), minimal[0]);
    }

    [Fact]
    public void Wide_pivots_one_row_per_observation_and_one_column_per_feature()
    {
        var baseline = Sample();
        var followUp = Sample().WithTimePoint("week 6").Where(r => r.Family != "ivh");
        var wide = baseline.Concat(followUp).Concat(Sample().WithSubject("P2")).Wide();
        Assert.Equal(3, wide.Rows.Count);
        Assert.Equal(5, wide.FeatureColumns.Count);
        Assert.Equal("original.glcm.Joint entropy [3D, merged]", wide.FeatureColumns[1]);
        Assert.Equal("original.ivh.Volume at intensity fraction (volume fraction at 10% intensity)", wide.FeatureColumns[3]);
        Assert.Equal(("P1", "week 6"), (wide.Rows[1].Subject, wide.Rows[1].TimePoint));
        Assert.True(double.IsNaN(wide[1, wide.FeatureColumns[3]]));
        Assert.Equal(0.978, wide[0, wide.FeatureColumns[3]]);
        Assert.Equal([13.4, 13.4, 13.4], wide.Column("original.intensity_statistics.Mean intensity"));
        using var tmp = new TempDirectory();
        wide.WriteCsv(tmp.File("wide.csv"));
        var lines = File.ReadAllLines(tmp.File("wide.csv"));
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("subject,timepoint,region,original.intensity_statistics.Mean intensity,\"original.glcm.Joint entropy [3D, merged]\"", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Wide_refuses_two_values_for_one_cell()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Sample().Concat(Sample()).Wide());
        Assert.Contains("P1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_lookup_and_preview()
    {
        var t = Sample();
        Assert.Equal(2, t.Family("glcm").Count);
        Assert.Equal(6.2, t.Value("TU9B", "3D, averaged"));
        Assert.Equal(0.978, t.Value("BC2M", variant: "volume fraction at 10% intensity"));
        Assert.Throws<KeyNotFoundException>(() => t.Value("BC2M"));
        Assert.Throws<KeyNotFoundException>(() => t.Value("NOPE"));
        var text = t.ToString(2);
        Assert.Contains("FeatureTable: 5 rows", text, StringComparison.Ordinal);
        Assert.Contains("Mean intensity", text, StringComparison.Ordinal);
        Assert.Contains("… 3 more rows", text, StringComparison.Ordinal);
        Assert.Equal(5, t.Values().Count());
    }

    [Fact]
    public void Settings_survive_operations_and_concatenation_of_the_same_settings()
    {
        var s = FeaturePresets.ConfigC;
        var a = FeatureTable.FromValues([new FeatureValue("f", "x", "C", 1)], settings: s);
        Assert.Same(s, a.Where(_ => true).WithSubject("P").Settings);
        Assert.Same(s, FeatureTable.Concat([a, a]).Settings);
        Assert.Null(a.Concat(FeatureTable.FromValues([], settings: FeaturePresets.ConfigA)).Settings);
        Assert.Empty(FeatureTable.Concat([]));
    }

    [Theory]
    [InlineData("config-c")]
    [InlineData("mr-default")]
    [InlineData("pyradiomics")]
    public void Provenance_survives_the_CSV_round_trip(string preset)
    {
        using var tmp = new TempDirectory();
        var settings = preset switch
        {
            "config-c" => FeaturePresets.ConfigC,
            "mr-default" => FeaturePresets.MrDefault,
            _ => new FeatureSettings { Definitions = FeatureDefinitions.PyRadiomics, PyRadiomics = new Radiomics.Features.PyRadiomics.PyRadiomicsSettings() },
        };
        var table = FeatureTable.FromValues([new FeatureValue("f", "x", "C", 1)], settings: settings).WithSubject("P");
        string path = Path.Combine(tmp.Path, "features.csv");
        table.WriteCsv(path);
        var back = FeatureTable.ReadCsv(path);

        Assert.NotNull(back.Provenance);
        Assert.Equal(table.Provenance, back.Provenance);
        Assert.Equal(TableProvenance.CurrentToolkitVersion, back.Provenance!.ToolkitVersion);
        Assert.Matches("^[0-9a-f]{16}$", back.Provenance.SettingsHash);
        Assert.Equal(FeatureSettingsYaml.ToYaml(settings), FeatureSettingsYaml.ToYaml(back.Settings!));
        // The CSV itself is unchanged: a plain table for pandas and R.
        Assert.StartsWith("subject,timepoint,region,", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Different_settings_give_different_hashes_and_concatenation_drops_them()
    {
        var a = FeatureTable.FromValues([new FeatureValue("f", "x", "C", 1)], settings: FeaturePresets.ConfigA);
        var b = FeatureTable.FromValues([new FeatureValue("f", "x", "C", 2)], settings: FeaturePresets.ConfigB);
        Assert.NotEqual(a.Provenance!.SettingsHash, b.Provenance!.SettingsHash);
        Assert.Null(a.Concat(b).Provenance);
        Assert.Equal(a.Provenance, FeatureTable.Concat([a, a.WithSubject("Q")]).Provenance);
    }

    [Fact]
    public void A_table_without_provenance_removes_a_stale_sidecar_and_a_corrupt_one_is_a_table_error()
    {
        using var tmp = new TempDirectory();
        string path = Path.Combine(tmp.Path, "features.csv");
        FeatureTable.FromValues([new FeatureValue("f", "x", "C", 1)], settings: FeaturePresets.ConfigA).WriteCsv(path);
        Assert.True(File.Exists(TableProvenance.SidecarPath(path)));
        FeatureTable.FromValues([new FeatureValue("f", "x", "C", 1)]).WriteCsv(path);
        Assert.False(File.Exists(TableProvenance.SidecarPath(path)));
        Assert.Null(FeatureTable.ReadCsv(path).Provenance);

        File.WriteAllText(TableProvenance.SidecarPath(path), "{ not json");
        var e = Assert.Throws<TableFileException>(() => FeatureTable.ReadCsv(path));
        Assert.Contains("provenance.json", e.Message, StringComparison.Ordinal);
    }
}
