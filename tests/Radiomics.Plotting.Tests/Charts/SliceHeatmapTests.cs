using Radiomics.Imaging;
using Radiomics.Plotting.Charts;

namespace Radiomics.Plotting.Tests.Charts;

public sealed class SliceHeatmapTests
{
    [Fact]
    public void One_call_shows_the_middle_axial_slice_in_mm()
    {
        var geometry = ImageGeometry.Create(4, 3, 5, spacing: new(0.5, 0.8, 2), origin: new(10, 20, 30));
        var voxels = new float[geometry.VoxelCount];
        for (int i = 0; i < voxels.Length; i++)
        {
            voxels[i] = i;
        }

        var figure = Chart.Slice(new Image<float>(geometry, voxels));
        var trace = Assert.IsType<HeatmapTrace>(Assert.Single(figure.Data));
        var z = trace.Z!;
        Assert.Equal(3, z.Length);
        Assert.Equal(4, z[0].Length);
        Assert.Equal(2 * 12 + 1 * 4 + 3, z[1][3]); // slice 2 (the middle of 5), row 1, column 3
        Assert.Equal(10, trace.X0);
        Assert.Equal(0.5, trace.DX);
        Assert.Equal(0.8, trace.DY);
        Assert.Equal(1.0, figure.Layout.YAxis!.ScaleRatio);
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Slice(new Image<float>(geometry, voxels), slice: 5));
    }
}
