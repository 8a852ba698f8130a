using FsCheck;
using FsCheck.Fluent;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Stability;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

/// <summary>Every study table goes through the one table layer: same convention, read back by name, errors with file and line.</summary>
public class RegistrationRecordTests
{
    private static readonly Gen<double> Numbers = Gen.OneOf(
        Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, double.MaxValue),
        ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get));

    private static readonly Gen<string> Texts = Gen.Elements("P01", "a,b", "say \"hi\"", "", "t 1", "line\nbreak");

    [Fact]
    public void Registration_records_round_trip_exactly_through_a_file()
    {
        var records =
            from subject in Texts
            from values in Gen.ArrayOf(Numbers, 10)
            select new RegistrationRecord(subject, "t1", "given", values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9]);
        Prop.ForAll(Gen.ListOf(records).ToArbitrary(), list =>
        {
            using var tmp = new TempDirectory();
            string path = tmp.File("registration.csv");
            RegistrationRecord.WriteCsv(path, list);
            var back = RegistrationRecord.ReadCsv(path);
            // NaN == NaN for records (double.Equals), so equality is exact, bit for bit except the sign of zero.
            return back.SequenceEqual(list);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_table_written_before_the_folding_columns_reads_them_as_unknown_and_column_order_does_not_matter()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("old.csv");
        File.WriteAllText(path, "timepoint,subject,mask_source,metric,seconds,dice,baseline_volume_mm3,followup_volume_mm3,mask_volume_ratio,jacobian_volume_ratio,minimum_jacobian,extra\nt1,P01,given,-0.5,2.5,,1000,750,0.75,0.76,0.8,x\n");
        var old = Assert.Single(RegistrationRecord.ReadCsv(path));
        Assert.Equal(("P01", "t1", 0.8), (old.Subject, old.TimePoint, old.MinimumJacobian));
        Assert.True(double.IsNaN(old.Dice) && double.IsNaN(old.GridMinimumJacobian) && double.IsNaN(old.FoldedVolumeMm3));
    }

    [Fact]
    public void A_bad_cell_or_a_missing_column_names_the_file_the_line_and_the_column()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("transitions.csv");
        File.WriteAllText(path, TransitionRecord.Header + "\nP01,t0,t1,1,2,10,5.5,0.5\nP01,t0,t1,1,two,10,5.5,0.5\n");
        var e = Assert.Throws<TableFileException>(() => TransitionRecord.ReadCsv(path));
        Assert.Equal($"{path}, line 3: the to_habitat 'two' is not a whole number.", e.Message);
        File.WriteAllText(path, "subject,from_timepoint\nP01,t0\n");
        Assert.Contains("the column 'to_timepoint' is missing", Assert.Throws<TableFileException>(() => TransitionRecord.ReadCsv(path)).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "");
        Assert.Contains("empty", Assert.Throws<TableFileException>(() => TransitionRecord.ReadCsv(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delta_and_stability_tables_read_back_what_they_wrote()
    {
        using var tmp = new TempDirectory();
        var deltas = new DeltaTable([
            new DeltaRow("P01", "tumour", "original", "glcm", "Joint maximum", "GYBY", "3D, averaged", "", "t1", 14, DeltaKind.LogRatio, 0.25, 0.5, Math.Log(2)),
            new DeltaRow("P01", "tumour", "original", "stat", "Mean", "Q4LE", "", "", "t1", 14, DeltaKind.RelativePercent, 0, 3, double.NaN),
        ]);
        string path = tmp.File("deltas.csv");
        deltas.WriteCsv(path);
        Assert.Equal(deltas.ToCsv(), DeltaTable.ReadCsv(path).ToCsv());
        Assert.Contains(",\"3D, averaged\",", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.EndsWith(",relative_percent,0,3,\n", File.ReadAllText(path), StringComparison.Ordinal);

        var stability = new StabilityTable([new StabilityRow("original", "stat", "Mean", "Q4LE", "", "", 3, 5, 0.91, double.NaN)]);
        stability.WriteCsv(path);
        Assert.Equal(stability.Rows, StabilityTable.ReadCsv(path).Rows);
    }

    [Fact]
    public void Feature_tables_write_NaN_as_an_empty_cell_like_every_other_table()
    {
        var table = new FeatureTable([new FeatureRow("P01", "t0", "tumour", "original", "stat", "Mean", "Q4LE", "", "", double.NaN)]);
        var text = new StringWriter();
        table.WriteCsv(text);
        var row = text.ToString().Split('\n')[1].Split(',');
        Assert.Equal(FeatureTable.Columns.Count, row.Length);
        Assert.Equal("", row[FeatureTable.Columns.ToList().IndexOf("value")]);
        Assert.True(double.IsNaN(FeatureTable.ReadCsv(new StringReader(text.ToString())).Single().Value));
    }
}
