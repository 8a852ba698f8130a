using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// The marching-cubes surface of a voxel mask. Vertices are kept on the exact lattice of half voxels
/// (<see cref="LatticeVertices"/>: twice the continuous voxel index, so voxel centres are even and vertices have one odd
/// coordinate); <see cref="ToMesh"/> places them in millimetres along the grid axes.
/// </summary>
public sealed class VoxelSurface
{
    private readonly LatticePoint[] _lattice;
    private readonly int[] _triangles;

    internal VoxelSurface(LatticePoint[] lattice, int[] triangles, Vec3 spacing)
    {
        _lattice = lattice;
        _triangles = triangles;
        Spacing = spacing;
    }

    /// <summary>Vertices in units of half a voxel along each grid axis (twice the continuous voxel index).</summary>
    public ReadOnlySpan<LatticePoint> LatticeVertices => _lattice;

    /// <summary>Vertex indices, three per face, normals outward.</summary>
    public ReadOnlySpan<int> Triangles => _triangles;

    /// <summary>Voxel spacing (mm) of the grid the surface was drawn on.</summary>
    public Vec3 Spacing { get; }

    /// <summary>Millimetres per lattice unit along each axis: half the voxel spacing.</summary>
    public Vec3 LatticeStep => Spacing / 2;

    public int VertexCount => _lattice.Length;

    /// <summary>The mesh in millimetres, origin at the centre of voxel [0, 0, 0], axes along the grid axes.</summary>
    public TriangleMesh ToMesh()
    {
        var step = LatticeStep;
        var vertices = new Vec3[_lattice.Length];
        for (int i = 0; i < vertices.Length; i++)
        {
            vertices[i] = _lattice[i].Scale(step);
        }

        return new TriangleMesh(vertices, (int[])_triangles.Clone());
    }
}
