using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Processing;

public class StructuringElementTests
{
    [Theory]
    [InlineData(StructuringElementShape.Ball, 1, 7)]
    [InlineData(StructuringElementShape.Ball, 1.5, 19)]
    [InlineData(StructuringElementShape.Ball, 1.75, 27)]
    [InlineData(StructuringElementShape.Ball, 2, 33)]
    [InlineData(StructuringElementShape.Box, 1, 27)]
    [InlineData(StructuringElementShape.Box, 2, 125)]
    [InlineData(StructuringElementShape.Ball, 0, 1)]
    public void Voxel_counts_on_an_isotropic_grid_are_those_of_the_digital_ball_and_cube(StructuringElementShape shape, double radius, int expected)
    {
        var e = new StructuringElement(shape, radius, RadiusUnit.Voxels);
        Assert.Equal(expected, e.Offsets(Vec3.One).Count);
        Assert.Equal(expected, new StructuringElement(shape, radius * 0.5).Offsets(new Vec3(0.5, 0.5, 0.5)).Count);
    }

    [Fact]
    public void A_ball_in_millimetres_follows_anisotropic_spacing()
    {
        // 2 mm ball on 1 × 1 × 2 mm voxels reaches 2 voxels in x and y but one slice in z.
        var offsets = StructuringElement.Ball(2).Offsets(new Vec3(1, 1, 2));
        Assert.Equal(new Index3(2, 2, 1), StructuringElement.Ball(2).HalfExtent(new Vec3(1, 1, 2)));
        Assert.All(offsets, o => Assert.True((o.X * o.X) + (o.Y * o.Y) + (4 * o.Z * o.Z) <= 4));
        int brute = 0;
        for (int z = -1; z <= 1; z++)
        {
            for (int y = -2; y <= 2; y++)
            {
                for (int x = -2; x <= 2; x++)
                {
                    brute += (x * x) + (y * y) + (4 * z * z) <= 4 ? 1 : 0;
                }
            }
        }

        Assert.Equal(brute, offsets.Count);
        Assert.Contains(new Index3(0, 0, 1), offsets);
        Assert.DoesNotContain(new Index3(1, 0, 1), offsets);
    }

    [Fact]
    public void Negative_or_non_finite_radii_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuringElement.Ball(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuringElement.Box(double.NaN));
    }
}
