using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Imaging;

public class ImageGeometryTests
{
    private static readonly Gen<double> Coordinate = Gen.Choose(-100000, 100000).Select(i => i / 100.0);
    private static readonly Gen<double> Positive = Gen.Choose(1, 5000).Select(i => i / 1000.0);

    private static readonly Gen<ImageGeometry> Geometries =
        from sx in Positive
        from sy in Positive
        from sz in Positive
        from ox in Coordinate
        from oy in Coordinate
        from oz in Coordinate
        from ax in Gen.Choose(-10, 10)
        from ay in Gen.Choose(-10, 10)
        from az in Gen.Choose(1, 10)
        from deg in Gen.Choose(-180, 180)
        from flip in Gen.Elements(1.0, -1.0)
        select new ImageGeometry(
            new Size3(10, 10, 10), new Vec3(sx, sy, sz), new Vec3(ox, oy, oz),
            Matrix3.Rotation(new Vec3(ax, ay, az), deg * Math.PI / 180) * Matrix3.Diagonal(new Vec3(1, 1, flip)));

    [Fact]
    public void IndexToPhysical_then_PhysicalToIndex_is_the_identity()
    {
        var cases = from g in Geometries
                    from i in Gen.Choose(-50, 50)
                    from j in Gen.Choose(-50, 50)
                    from k in Gen.Choose(-50, 50)
                    select (g, new Vec3(i + 0.25, j - 0.5, k));
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var back = c.g.PhysicalToIndex(c.g.IndexToPhysical(c.Item2));
            return (back - c.Item2).MaxAbs < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rotated_image_maps_an_index_as_ITK_would()
    {
        // Hand computation: p = origin + D·diag(spacing)·i. A 90° rotation about z sends index axis x to +y and axis y to −x.
        var direction = Matrix3.FromColumns(new Vec3(0, 1, 0), new Vec3(-1, 0, 0), new Vec3(0, 0, 1));
        var g = new ImageGeometry(new Size3(4, 5, 6), new Vec3(2, 3, 4), new Vec3(10, 20, 30), direction);
        Assert.Equal(new Vec3(4, 22, 42), g.IndexToPhysical(1, 2, 3));
        Assert.Equal(new Vec3(1, 2, 3), g.PhysicalToIndex(new Vec3(4, 22, 42)));
    }

    [Fact]
    public void Oblique_image_maps_an_index_as_ITK_would()
    {
        // 30° about x: D = [[1,0,0],[0,c,−s],[0,s,c]]; index (1,1,1) with spacing (1,2,3) → (1, 2c−3s, 2s+3c).
        double c = Math.Sqrt(3) / 2, s = 0.5;
        var g = new ImageGeometry(new Size3(3, 3, 3), new Vec3(1, 2, 3), new Vec3(-5, 0, 5), new Matrix3(1, 0, 0, 0, c, -s, 0, s, c));
        var p = g.IndexToPhysical(1, 1, 1);
        Assert.Equal(-4, p.X, 12);
        Assert.Equal(2 * c - 3 * s, p.Y, 12);
        Assert.Equal(5 + 2 * s + 3 * c, p.Z, 12);
        Assert.Equal(new Index3(1, 1, 1), g.PhysicalToNearestIndex(p + new Vec3(0.2, 0.3, -0.4)));
    }

    [Fact]
    public void Matches_tolerates_float_rounding_but_not_a_shifted_origin()
    {
        var g = TestImages.Oblique();
        Assert.True(g.Matches(g.WithOrigin(g.Origin + new Vec3(1e-7, 0, 0))));
        Assert.False(g.Matches(g.WithOrigin(g.Origin + new Vec3(0.01, 0, 0))));
        Assert.False(g.Matches(g.WithSpacing(g.Spacing * 1.001)));
        Assert.False(g.Matches(g.WithSize(new Size3(7, 6, 4))));
        Assert.Throws<GeometryMismatchException>(() => g.EnsureMatches(g.WithSpacing(g.Spacing * 2), "mask"));
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1, 1)]
    [InlineData(1, -2, 1, 1, 1, 1)]
    [InlineData(1, 1, 1, 0, 1, 1)]
    [InlineData(1, 1, 1, 1, -0.5, 1)]
    [InlineData(1, 1, 1, 1, 1, double.NaN)]
    public void Invalid_sizes_and_spacings_are_rejected(int nx, int ny, int nz, double sx, double sy, double sz) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageGeometry(new Size3(nx, ny, nz), new Vec3(sx, sy, sz), Vec3.Zero, Matrix3.Identity));

    [Fact]
    public void Singular_direction_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new ImageGeometry(new Size3(2, 2, 2), Vec3.One, Vec3.Zero, new Matrix3(1, 0, 0, 1, 0, 0, 0, 0, 1)));

    [Fact]
    public void Crop_keeps_voxels_at_the_same_physical_place()
    {
        var g = TestImages.Oblique();
        var box = new BoundingBox(new Index3(2, 1, 3), new Index3(5, 4, 4));
        var cropped = g.Crop(box);
        Assert.Equal(new Size3(4, 4, 2), cropped.Size);
        var expected = g.IndexToPhysical(3, 2, 4);
        Assert.True((cropped.IndexToPhysical(1, 1, 1) - expected).MaxAbs < 1e-12);
        Assert.Equal(new Index3(2, 1, 3), cropped.OffsetIn(g));
    }
}
