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
        // A vertex of the hull is not inside the hull of the other points.
        Prop.ForAll(MorphologyGen.LatticeClouds.ToArbitrary(), points =>
        {
            var hull = ConvexHull3D.Compute(points);
            var distinct = points.Distinct().ToArray();
            foreach (int v in hull.VertexIndices.ToArray().Take(5))
            {
                var others = distinct.Where(p => p != points[v]).ToArray();
                if (others.Length >= 4 && !AllInOnePlane(others) && ConvexHull3D.Compute(others).Contains(points[v]))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
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
