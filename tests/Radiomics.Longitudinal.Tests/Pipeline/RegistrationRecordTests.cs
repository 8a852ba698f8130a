using Radiomics.Longitudinal.Pipeline;

namespace Radiomics.Longitudinal.Tests.Pipeline;

public class RegistrationRecordTests
{
    [Fact]
    public void A_row_round_trips_with_its_folding_columns()
    {
        var record = new RegistrationRecord("P01", "t1", "given", -0.5, 2.5, 0.93, 1000, 750, 0.75, 0.76, 0.8, -0.05, 12.5);
        var back = RegistrationRecord.Parse(record.ToCsv().Split(','));
        Assert.Equal(record, back);
        Assert.Equal(RegistrationRecord.Header.Split(',').Length, record.ToCsv().Split(',').Length);
        Assert.EndsWith("grid_minimum_jacobian,folded_volume_mm3", RegistrationRecord.Header, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_written_before_the_folding_columns_reads_them_as_unknown()
    {
        var old = RegistrationRecord.Parse("P01,t1,given,-0.5,2.5,0.93,1000,750,0.75,0.76,0.8".Split(','));
        Assert.Equal(0.8, old.MinimumJacobian);
        Assert.True(double.IsNaN(old.GridMinimumJacobian) && double.IsNaN(old.FoldedVolumeMm3));
    }
}
