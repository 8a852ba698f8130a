using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class MinimumVolumeEnclosingEllipsoidTests
{
    [Fact]
    public void MVEE_of_a_box_has_semi_axes_root_three_times_the_half_edges()
    {
        // The MVEE of a box is the box's circumscribed ellipsoid aligned with it: semi-axes √3·(a, b, c).
        var corners = new List<Vec3>();
        foreach (int sx in (int[])[-1, 1])
        {
            foreach (int sy in (int[])[-1, 1])
            {
                foreach (int sz in (int[])[-1, 1])
                {
                    corners.Add(new Vec3(10 + (3 * sx), -5 + (2 * sy), 7 + sz));
                }
            }
        }

        var e = MinimumVolumeEnclosingEllipsoid.Fit([.. corners], tolerance: 1e-7);
        Assert.Equal(3 * Math.Sqrt(3), e.SemiAxes.X, 3);
        Assert.Equal(2 * Math.Sqrt(3), e.SemiAxes.Y, 3);
        Assert.Equal(Math.Sqrt(3), e.SemiAxes.Z, 3);
        Assert.Equal(10, e.Centre.X, 4);
        Assert.Equal(-5, e.Centre.Y, 4);
        Assert.Equal(7, e.Centre.Z, 4);
    }

    [Fact]
    public void MVEE_of_points_on_a_rotated_ellipsoid_is_that_ellipsoid()
    {
        var rotation = Matrix3.Rotation(new Vec3(1, 2, 3).Normalised(), 0.7);
        var centre = new Vec3(-4, 2, 9);
        var random = new Random(3);
        var points = new List<Vec3>();
        for (int i = 0; i < 400; i++)
        {
            var d = new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5).Normalised();
            points.Add(centre + (rotation * new Vec3(6 * d.X, 4 * d.Y, 1.5 * d.Z)));
        }

        foreach (var axis in (Vec3[])[new(6, 0, 0), new(0, 4, 0), new(0, 0, 1.5)])
        {
            points.Add(centre + (rotation * axis));
            points.Add(centre - (rotation * axis));
        }

        var e = MinimumVolumeEnclosingEllipsoid.Fit([.. points], tolerance: 1e-6);
        Assert.Equal(6, e.SemiAxes.X, 2);
        Assert.Equal(4, e.SemiAxes.Y, 2);
        Assert.Equal(1.5, e.SemiAxes.Z, 2);
        Assert.True((e.Centre - centre).Norm < 1e-2);
    }

    [Fact]
    public void MVEE_contains_every_point_at_the_default_tolerance()
    {
        Prop.ForAll(MorphologyGen.LatticeClouds.ToArbitrary(), cloud =>
        {
            var points = cloud.Select(p => p.Scale(new Vec3(0.7, 1.3, 2))).ToArray();
            var e = MinimumVolumeEnclosingEllipsoid.Fit(points);
            return points.All(p => e.Level(p) <= 1 + 1e-9) && e.SemiAxes.X >= e.SemiAxes.Y && e.SemiAxes.Y >= e.SemiAxes.Z;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void MVEE_is_never_larger_than_the_ellipsoid_around_the_bounding_box()
    {
        Prop.ForAll(MorphologyGen.LatticeClouds.ToArbitrary(), cloud =>
        {
            var points = cloud.Select(p => new Vec3(p.X, p.Y, p.Z)).ToArray();
            var e = MinimumVolumeEnclosingEllipsoid.Fit(points);
            double dx = cloud.Max(p => p.X) - cloud.Min(p => p.X), dy = cloud.Max(p => p.Y) - cloud.Min(p => p.Y), dz = cloud.Max(p => p.Z) - cloud.Min(p => p.Z);
            double boxEllipsoid = 4 * Math.PI / 3 * Math.Pow(Math.Sqrt(3) / 2, 3) * dx * dy * dz;
            return e.Volume <= boxEllipsoid * 1.01;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rejects_too_few_or_coplanar_points()
    {
        Assert.Throws<ArgumentException>(() => MinimumVolumeEnclosingEllipsoid.Fit([new(0, 0, 0), new(1, 0, 0), new(0, 1, 0)]));
        Assert.Throws<ArgumentException>(() => MinimumVolumeEnclosingEllipsoid.Fit([new(0, 0, 0), new(1, 0, 0), new(0, 1, 0), new(1, 1, 0), new(2, 3, 0)]));
    }
}
