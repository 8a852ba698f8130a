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
        Assert.Equal(["subject", "timepoint", "region", "image_type", "family", "feature", "ibsi_code", "aggregation", "variant", "value"], df.Columns.Select(c => c.Name));
        Assert.Equal(3, df.Rows.Count);
        var volume = df.Filter(df["ibsi_code"].ElementwiseEquals("RNU0"));
        Assert.Equal(2, volume.Rows.Count);
        Assert.Equal(50_000.0, (double)volume["value"].Sum());
        var counts = df.GroupBy("family").Count();
        Assert.Equal(2, counts.Rows.Count);
    }

    [Fact]
    public void Delta_registration_and_transition_tables_keep_their_values_with_volumes_in_millilitres()
    {
        var deltas = new DeltaTable([new DeltaRow("P1", "tumour", "original", "morphology", "Volume (mesh)", "RNU0", "", "", "t1", 42, DeltaKind.RelativePercent, 30_000, 20_000, -33.3)]);
        var d = deltas.ToDataFrame();
        Assert.Equal("relative_percent", Assert.Single(d.Rows)["kind"]);
        Assert.Equal(-33.3, (double)d.Rows[0]["value"]);

        var registrations = new[] { new RegistrationRecord("P1", "t1", "given", -1.01, 10.8, 0.93, 30_000, 20_000, 0.667, 0.68, 0.9) }.ToDataFrame();
        Assert.Equal(30.0, (double)registrations.Rows[0]["baseline_volume_ml"]);
        Assert.Equal(0.93, (double)registrations.Rows[0]["dice"]);

        var transitions = new[] { new TransitionRecord("P1", "t0", "t1", 2, 1, 1500, 3000, 0.31) }.ToDataFrame();
        Assert.Equal(3.0, (double)transitions.Rows[0]["volume_ml"]);
        Assert.Equal(1500L, (long)transitions.Rows[0]["voxels"]);
    }
}
