using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class ConvexHull3DTests
{
    [Fact]
    public void Hull_of_random_points_contains_them_all_and_is_a_closed_outward_polytope()
    {
        Prop.ForAll(MorphologyGen.LatticeClouds.ToArbitrary(), points =>
        {
            var hull = ConvexHull3D.Compute(points);
            var mesh = hull.ToMesh(Vec3.One);
            return points.All(hull.Contains) && mesh.IsClosedAndOriented() && mesh.SignedVolume > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hull_vertices_are_extreme_points()
    {
        // A vertex of the hull is never strictly inside the hull of the other points. It may lie on that hull's
        // boundary: faces are unmerged triangles, so a point that was extreme when inserted can end up in the middle
        // of a coplanar face or a collinear edge of the final hull without changing its volume or area.
        Prop.ForAll(MorphologyGen.LatticeClouds.ToArbitrary(), points =>
        {
            var hull = ConvexHull3D.Compute(points);
            var distinct = points.Distinct().ToArray();
            foreach (int v in hull.VertexIndices.ToArray().Take(5))
            {
                var others = distinct.Where(p => p != points[v]).ToArray();
                if (others.Length >= 4 && !AllInOnePlane(others) && StrictlyInside(ConvexHull3D.Compute(others), points[v]))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Vertices_of_a_cloud_found_by_the_property_test_are_on_the_boundary()
    {
        // FsCheck found this cloud, where an inserted vertex ends up inside a coplanar face of the final hull.
        LatticePoint[] points = [new(-2, 0, 0), new(2, 0, 0), new(0, 2, 0), new(0, 0, 2), new(0, -1, 0), new(0, 1, -1), new(1, -1, 1), new(1, 1, 0), new(1, 0, 1), new(-1, -1, -1), new(0, 1, -1), new(0, 0, 1), new(-1, 0, 0), new(0, 1, 0), new(-1, -1, 0), new(-1, 1, -1), new(0, 0, 0), new(0, -1, -1), new(1, -1, 0), new(0, 0, 1), new(1, 1, 1), new(1, 1, 0), new(0, 1, 1), new(1, 0, 0), new(0, 0, 0), new(-1, 1, 0), new(1, 0, 0), new(1, 1, 0), new(0, 1, 1), new(1, 1, -1), new(0, 0, 1), new(1, 0, 1), new(1, -1, 0), new(-1, 0, -1), new(-1, 0, -1)];
        var hull = ConvexHull3D.Compute(points);
        var distinct = points.Distinct().ToArray();
        Assert.All(hull.VertexIndices.ToArray(), v => Assert.False(StrictlyInside(ConvexHull3D.Compute(distinct.Where(p => p != points[v]).ToArray()), points[v])));
        Assert.All(points, p => Assert.True(hull.Contains(p)));
    }

    [Fact]
    public void Strict_interior_check_separates_interior_boundary_and_outside_points()
    {
        var cube = ConvexHull3D.Compute([new(0, 0, 0), new(2, 0, 0), new(0, 2, 0), new(0, 0, 2), new(2, 2, 0), new(2, 0, 2), new(0, 2, 2), new(2, 2, 2)]);
        Assert.True(StrictlyInside(cube, new LatticePoint(1, 1, 1)));
        Assert.False(StrictlyInside(cube, new LatticePoint(1, 1, 0)));
        Assert.False(StrictlyInside(cube, new LatticePoint(1, 0, 0)));
        Assert.False(StrictlyInside(cube, new LatticePoint(3, 1, 1)));
    }

    private static bool StrictlyInside(ConvexHull3D hull, LatticePoint q)
    {
        var p = hull.Points;
        var t = hull.Triangles;
        for (int f = 0; f < t.Length; f += 3)
        {
            LatticePoint a = p[t[f]], b = p[t[f + 1]], c = p[t[f + 2]];
            long ax = b.X - a.X, ay = b.Y - a.Y, az = b.Z - a.Z;
            long bx = c.X - a.X, by = c.Y - a.Y, bz = c.Z - a.Z;
            long nx = (ay * bz) - (az * by), ny = (az * bx) - (ax * bz), nz = (ax * by) - (ay * bx);
            if ((nx * (q.X - a.X)) + (ny * (q.Y - a.Y)) + (nz * (q.Z - a.Z)) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    // When the other points are coplanar the removed vertex lies off their plane (the cloud has a 3D hull), so it is extreme.
    private static bool AllInOnePlane(LatticePoint[] p)
    {
        for (int i = 1; i < p.Length; i++)
        {
            for (int j = i + 1; j < p.Length; j++)
            {
                long ax = p[i].X - p[0].X, ay = p[i].Y - p[0].Y, az = p[i].Z - p[0].Z;
                long bx = p[j].X - p[0].X, by = p[j].Y - p[0].Y, bz = p[j].Z - p[0].Z;
                long nx = (ay * bz) - (az * by), ny = (az * bx) - (ax * bz), nz = (ax * by) - (ay * bx);
                if ((nx | ny | nz) != 0)
                {
                    return p.All(q => (nx * (q.X - p[0].X)) + (ny * (q.Y - p[0].Y)) + (nz * (q.Z - p[0].Z)) == 0);
                }
            }
        }

        return true;
    }

    [Fact]
    public void Cube_with_interior_and_face_points_has_the_cube_volume_and_area()
    {
        var points = new List<LatticePoint>();
        for (int x = 0; x <= 4; x++)
        {
            for (int y = 0; y <= 4; y++)
            {
                for (int z = 0; z <= 4; z++)
                {
                    points.Add(new LatticePoint(x, y, z));
                }
            }
        }

        var hull = ConvexHull3D.Compute([.. points]);
        var mesh = hull.ToMesh(new Vec3(0.5, 1, 2));
        Assert.Equal(2 * 4 * 8, mesh.Volume, 9);
        Assert.Equal(2 * ((2 * 4) + (4 * 8) + (8 * 2)), mesh.SurfaceArea, 9);
        Assert.True(mesh.IsClosedAndOriented());
    }

    [Fact]
    public void Hull_volume_and_area_match_a_regular_octahedron()
    {
        LatticePoint[] points = [new(3, 0, 0), new(-3, 0, 0), new(0, 3, 0), new(0, -3, 0), new(0, 0, 3), new(0, 0, -3), new(0, 0, 0), new(1, 1, 0)];
        var mesh = ConvexHull3D.Compute(points).ToMesh(Vec3.One);
        Assert.Equal(4.0 / 3 * 27, mesh.Volume, 9);
        Assert.Equal(8 * (Math.Sqrt(3) / 4 * 18), mesh.SurfaceArea, 9);
        Assert.Equal(6, ConvexHull3D.Compute(points).VertexIndices.Length);
    }

    [Fact]
    public void Hull_of_a_mesh_contains_the_mesh_and_is_not_smaller()
    {
        Prop.ForAll(MorphologyGen.Masks.ToArbitrary(), c =>
        {
            var surface = MarchingCubes.Extract(c.Mask, c.Size, c.Spacing);
            var hull = ConvexHull3D.Compute(surface.LatticeVertices);
            var hullMesh = hull.ToMesh(surface.LatticeStep);
            var mesh = surface.ToMesh();
            foreach (var p in surface.LatticeVertices)
            {
                if (!hull.Contains(p))
                {
                    return false;
                }
            }

            return hullMesh.Volume >= mesh.Volume - 1e-9 && hullMesh.IsClosedAndOriented();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rejects_degenerate_and_out_of_range_inputs()
    {
        Assert.Throws<ArgumentException>(() => ConvexHull3D.Compute([new(0, 0, 0), new(1, 0, 0), new(0, 1, 0)]));
        Assert.Throws<ArgumentException>(() => ConvexHull3D.Compute([new(0, 0, 0), new(1, 0, 0), new(2, 0, 0), new(3, 0, 0)]));
        Assert.Throws<ArgumentException>(() => ConvexHull3D.Compute([new(0, 0, 0), new(1, 0, 0), new(0, 1, 0), new(1, 1, 0), new(5, 7, 0)]));
        Assert.Throws<ArgumentException>(() => ConvexHull3D.Compute([new(0, 0, 0), new(1, 0, 0), new(0, 1, 0), new(0, 0, ConvexHull3D.MaxCoordinate + 1)]));
    }
}
