using Radiomics.Habitats.Model;
using Radiomics.Imaging;

namespace Radiomics.Habitats.Tests.Model;

public class HabitatTransitionsTests
{
    private static LabelMap Map(byte[] labels, Vec3? spacing = null) =>
        new(new Image<byte>(ImageGeometry.Create(labels.Length, 1, 1, spacing ?? new Vec3(1, 1, 2)), labels));

    [Fact]
    public void Counts_every_voxel_once_including_growth_and_shrinkage()
    {
        var before = Map([0, 1, 1, 2, 2, 3, 0]);
        var after = Map([1, 1, 2, 2, 2, 0, 0]);
        var t = HabitatTransitions.Compute(before, after, k: 3);
        Assert.Equal(1, t.Count(0, 1));
        Assert.Equal(1, t.Count(1, 1));
        Assert.Equal(1, t.Count(1, 2));
        Assert.Equal(2, t.Count(2, 2));
        Assert.Equal(1, t.Count(3, 0));
        Assert.Equal(1, t.Count(0, 0));
        Assert.Equal(2.0, t.VolumeMm3(1, 2));
        Assert.Equal(0.5, t.Probability(1, 2));
        Assert.Equal(3.0 / 4, t.Stability);
        long sum = 0;
        foreach (var c in t.ToMatrix())
        {
            sum += c;
        }

        Assert.Equal(7, sum);
    }

    [Fact]
    public void Different_grids_and_labels_above_k_are_clear_errors()
    {
        var a = Map([1, 2]);
        Assert.Throws<GeometryMismatchException>(() => HabitatTransitions.Compute(a, Map([1, 2], Vec3.One), 2));
        var e = Assert.Throws<ArgumentException>(() => HabitatTransitions.Compute(a, Map([3, 1]), 2));
        Assert.Equal("after", e.ParamName);
    }
}
