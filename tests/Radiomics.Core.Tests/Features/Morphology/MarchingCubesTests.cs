using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class MarchingCubesTests
{
    private static TriangleMesh Mesh(MaskCase c, bool joinDiagonal = true) =>
        MarchingCubes.Extract(c.Mask, c.Size, c.Spacing, joinDiagonal).ToMesh();

    [Fact]
    public void Single_voxel_is_the_octahedron_through_its_face_centres()
    {
        var spacing = new Vec3(1.5, 2, 3);
        var mesh = Mesh(MorphologyGen.Box(1, 1, 1, spacing));
        double a = 0.75, b = 1, c = 1.5;
        Assert.Equal(6, mesh.Vertices.Length);
        Assert.Equal(8, mesh.FaceCount);
        Assert.Equal(4.0 / 3 * a * b * c, mesh.SignedVolume, 12);
        Assert.Equal(8 * 0.5 * Math.Sqrt((a * a * b * b) + (b * b * c * c) + (c * c * a * a)), mesh.SurfaceArea, 12);
    }

    [Fact]
    public void Lengthening_a_box_adds_its_chamfered_cross_section()
    {
        // Faces lie on the voxel boundary and edges are chamfered by half a voxel, so each extra slice adds
        // b·c − ½ of volume and a perimeter 2b + 2c − 4 + 2√2 of area (unit voxels).
        for (int length = 3; length < 7; length++)
        {
            var shorter = Mesh(MorphologyGen.Box(length, 4, 5, Vec3.One));
            var longer = Mesh(MorphologyGen.Box(length + 1, 4, 5, Vec3.One));
            Assert.Equal((4 * 5) - 0.5, longer.Volume - shorter.Volume, 10);
            Assert.Equal((2 * 4) + (2 * 5) - 4 + (2 * Math.Sqrt(2)), longer.SurfaceArea - shorter.SurfaceArea, 10);
        }
    }

    [Theory]
    [InlineData(5, 0.04)]
    [InlineData(10, 0.015)]
    [InlineData(20, 0.006)]
    public void Ball_volume_converges_to_the_analytic_volume(double radius, double relativeTolerance)
    {
        var spacing = new Vec3(0.5, 0.5, 0.5);
        var mesh = Mesh(MorphologyGen.Ball(radius, Vec3.One));
        var scaled = Mesh(MorphologyGen.Ball(radius, spacing));
        double volume = 4.0 / 3 * Math.PI * radius * radius * radius;
        Assert.InRange(mesh.Volume / volume, 1 - relativeTolerance, 1 + relativeTolerance);
        Assert.Equal(mesh.Volume * 0.125, scaled.Volume, 6);
        // Marching cubes on a binary mask overestimates the area of smooth surfaces by about 8 % (staircase).
        Assert.InRange(mesh.SurfaceArea / (4 * Math.PI * radius * radius), 1.0, 1.12);
    }

    [Fact]
    public void Every_mask_gives_a_closed_outward_mesh()
    {
        Prop.ForAll(MorphologyGen.Masks.ToArbitrary(), c =>
        {
            foreach (bool join in (bool[])[true, false])
            {
                var mesh = Mesh(c, join);
                if (!mesh.IsClosedAndOriented() || !(mesh.SignedVolume > 0))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mesh_volume_and_area_do_not_depend_on_placement_axis_order_or_mirroring()
    {
        Prop.ForAll(MorphologyGen.Masks.ToArbitrary(), c =>
        {
            var reference = Mesh(c);
            return Same(reference, Mesh(Translated(c, 2, 1, 3)))
                && Same(reference, Mesh(Mirrored(c)))
                && Same(reference, Mesh(Permuted(c)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mesh_volume_is_bounded_by_the_ROI_octahedra_and_the_grid()
    {
        // Each ROI voxel keeps at least its inscribed octahedron (1/6 of the voxel); vertices never leave the grid's
        // extent (enclosed background voxels lose only their own octahedron, so the voxel count is no upper bound).
        Prop.ForAll(MorphologyGen.Masks.ToArbitrary(), c =>
        {
            double voxel = c.Spacing.X * c.Spacing.Y * c.Spacing.Z;
            double v = Mesh(c).Volume;
            return v <= (c.Size.Count * voxel) + 1e-9 && v >= (c.Count * voxel / 6) - 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Vertices_lie_half_way_between_an_ROI_voxel_and_a_background_neighbour()
    {
        Prop.ForAll(MorphologyGen.Masks.ToArbitrary(), c =>
        {
            var surface = MarchingCubes.Extract(c.Mask, c.Size, c.Spacing);
            foreach (var p in surface.LatticeVertices)
            {
                int odd = (p.X & 1) + (p.Y & 1) + (p.Z & 1);
                if (odd != 1)
                {
                    return false;
                }

                // The two voxels the vertex separates, in doubled-index units.
                var a = (X: (p.X - (p.X & 1)) / 2, Y: (p.Y - (p.Y & 1)) / 2, Z: (p.Z - (p.Z & 1)) / 2);
                var b = (X: (p.X + (p.X & 1)) / 2, Y: (p.Y + (p.Y & 1)) / 2, Z: (p.Z + (p.Z & 1)) / 2);
                if (Inside(c, a.X, a.Y, a.Z) == Inside(c, b.X, b.Y, b.Z))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Joining_diagonal_voxels_changes_only_ambiguous_configurations()
    {
        // Two voxels sharing one edge: joined they form one surface (a tube along the edge), separated two octahedra.
        var size = new Size3(2, 2, 1);
        bool[] mask = [true, false, false, true];
        var joined = MarchingCubes.Extract(mask, size, Vec3.One, joinDiagonal: true).ToMesh();
        var separated = MarchingCubes.Extract(mask, size, Vec3.One, joinDiagonal: false).ToMesh();
        Assert.True(joined.IsClosedAndOriented());
        Assert.True(separated.IsClosedAndOriented());
        Assert.Equal(2.0 / 6, separated.Volume, 12);
        Assert.True(joined.Volume > separated.Volume);
        var single = MarchingCubes.Extract([true], new Size3(1, 1, 1), Vec3.One, joinDiagonal: false).ToMesh();
        Assert.Equal(single.Volume, MarchingCubes.Extract([true], new Size3(1, 1, 1), Vec3.One, joinDiagonal: true).ToMesh().Volume, 12);
    }

    [Fact]
    public void Rejects_a_mask_of_the_wrong_length_and_bad_spacing()
    {
        Assert.Throws<ArgumentException>(() => MarchingCubes.Extract(new bool[5], new Size3(2, 2, 2), Vec3.One));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarchingCubes.Extract(new bool[8], new Size3(2, 2, 2), new Vec3(1, 0, 1)));
    }

    private static bool Inside(MaskCase c, int x, int y, int z) =>
        x >= 0 && y >= 0 && z >= 0 && x < c.Size.X && y < c.Size.Y && z < c.Size.Z && c.At(x, y, z);

    private static bool Same(TriangleMesh a, TriangleMesh b) =>
        Math.Abs(a.Volume - b.Volume) <= 1e-9 * Math.Max(1, a.Volume) && Math.Abs(a.SurfaceArea - b.SurfaceArea) <= 1e-9 * Math.Max(1, a.SurfaceArea);

    private static MaskCase Translated(MaskCase c, int dx, int dy, int dz)
    {
        var size = new Size3(c.Size.X + dx + 1, c.Size.Y + dy + 2, c.Size.Z + dz);
        var mask = new bool[size.Count];
        for (int z = 0; z < c.Size.Z; z++)
        {
            for (int y = 0; y < c.Size.Y; y++)
            {
                for (int x = 0; x < c.Size.X; x++)
                {
                    mask[x + dx + (size.X * (y + dy + (size.Y * (z + dz))))] = c.At(x, y, z);
                }
            }
        }

        return c with { Size = size, Mask = mask };
    }

    private static MaskCase Mirrored(MaskCase c)
    {
        var mask = new bool[c.Mask.Length];
        for (int z = 0; z < c.Size.Z; z++)
        {
            for (int y = 0; y < c.Size.Y; y++)
            {
                for (int x = 0; x < c.Size.X; x++)
                {
                    mask[c.Size.X - 1 - x + (c.Size.X * (y + (c.Size.Y * z)))] = c.At(x, y, z);
                }
            }
        }

        return c with { Mask = mask };
    }

    /// <summary>Axes (x, y, z) → (y, z, x), spacing permuted alike.</summary>
    private static MaskCase Permuted(MaskCase c)
    {
        var size = new Size3(c.Size.Y, c.Size.Z, c.Size.X);
        var mask = new bool[c.Mask.Length];
        for (int z = 0; z < c.Size.Z; z++)
        {
            for (int y = 0; y < c.Size.Y; y++)
            {
                for (int x = 0; x < c.Size.X; x++)
                {
                    mask[y + (size.X * (z + (size.Y * x)))] = c.At(x, y, z);
                }
            }
        }

        return new MaskCase(size, mask, new Vec3(c.Spacing.Y, c.Spacing.Z, c.Spacing.X));
    }
}
