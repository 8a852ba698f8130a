using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Tests.Hostile;

/// <summary>Transform set-up checks its sizes against the memory budget before allocating.</summary>
public sealed class HostileSizeTests
{
    private static readonly ImageGeometry Ct = new(new Size3(512, 512, 200), new Vec3(0.8, 0.8, 2), Vec3.Zero, Matrix3.Identity);

    [Fact]
    public void A_control_grid_of_billions_of_points_is_refused_with_its_size()
    {
        var e = Assert.Throws<InvalidInputException>(() => BSplineTransform.ControlGrid(Ct, new Vec3(0.001, 0.001, 0.001)));
        Assert.Contains("grid spacing", e.Message, StringComparison.Ordinal);
        Assert.Contains(MemoryBudget.EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_grid_spacing_that_is_not_a_positive_number_is_refused(double spacing) =>
        Assert.Throws<InvalidInputException>(() => BSplineTransform.ControlGrid(Ct, new Vec3(spacing, 10, 10)));

    [Fact]
    public void An_ordinary_control_grid_is_unchanged()
    {
        var grid = BSplineTransform.ControlGrid(Ct, new Vec3(12, 12, 12));
        Assert.Equal(new Size3((int)Math.Round(511 * 0.8 / 12) + 3, (int)Math.Round(511 * 0.8 / 12) + 3, (int)Math.Round(199 * 2 / 12.0) + 3), grid.Size);
    }
}
