using Microsoft.Data.Analysis;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Tables;

namespace Radiomics.Interop.Tests;

public class DataFrameConversionsTests
{
    private static readonly FeatureTable Features = new(
    [
        new FeatureRow("P1", "t0", "tumour", "original", "morphology", "Volume (mesh)", "RNU0", "", "", 30_000),
        new FeatureRow("P1", "t1", "tumour", "original", "morphology", "Volume (mesh)", "RNU0", "", "", 20_000),
        new FeatureRow("P1", "t0", "tumour", "original", "glcm", "Joint entropy", "TU9B", "3D, merged", "", 5.5),
    ]);

    [Fact]
    public void A_feature_table_becomes_a_DataFrame_with_the_csv_columns_and_filters_and_groups()
    {
        DataFrame df = Features.ToDataFrame();
        Assert.Equal(FeatureTable.Columns, df.Columns.Select(c => c.Name));
        Assert.Equal("original_shape_MeshVolume", df.Rows[0]["pyradiomics_name"]);
        Assert.Equal(3, df.Rows.Count);
        var volume = df.Filter(df["ibsi_code"].ElementwiseEquals("RNU0"));
        Assert.Equal(2, volume.Rows.Count);
        Assert.Equal(50_000.0, (double)volume["value"].Sum());
        var counts = df.GroupBy("family").Count();
        Assert.Equal(2, counts.Rows.Count);
    }

    [Fact]
    public void Delta_registration_and_transition_tables_keep_their_values_under_their_csv_names()
    {
        var deltas = new DeltaTable([new DeltaRow("P1", "tumour", "original", "morphology", "Volume (mesh)", "RNU0", "", "", "t1", 42, DeltaKind.RelativePercent, 30_000, 20_000, -33.3)]);
        var d = deltas.ToDataFrame();
        Assert.Equal("relative_percent", Assert.Single(d.Rows)["delta"]);
        Assert.Equal(-33.3, (double)d.Rows[0]["value"]);

        var registration = new RegistrationRecord("P1", "t1", "given", -1.01, 10.8, 0.93, 30_000, 20_000, 0.667, 0.68, 0.9);
        var registrations = new[] { registration }.ToDataFrame();
        Assert.Equal(RegistrationRecord.Columns.Select(c => c.Name), registrations.Columns.Select(c => c.Name));
        Assert.Equal(0.93, (double)registrations.Rows[0]["dice"]);
        Assert.Equal(RegistrationRecord.Header, string.Join(',', registrations.Columns.Select(c => c.Name)));

        var transitions = new[] { new TransitionRecord("P1", "t0", "t1", 2, 1, 1500, 3000, 0.31) }.ToDataFrame();
        Assert.Equal(3000.0, (double)transitions.Rows[0]["volume_mm3"]);
        Assert.Equal(1500L, (long)transitions.Rows[0]["voxels"]);
        Assert.Equal(2, (int)transitions.Rows[0]["from_habitat"]);
    }

    [Fact]
    public void A_channel_column_appears_in_the_DataFrame_as_in_the_CSV()
    {
        var table = new FeatureTable([Features[0] with { Channel = "T2" }, Features[1] with { Channel = "ADC" }]);
        var df = table.ToDataFrame();
        Assert.Equal("channel", df.Columns[3].Name);
        Assert.Equal("ADC", df.Rows[1]["channel"]);
        Assert.Equal(double.NaN, (double)new FeatureTable([Features[0] with { Value = double.NaN }]).ToDataFrame().Rows[0]["value"]);
    }
}
