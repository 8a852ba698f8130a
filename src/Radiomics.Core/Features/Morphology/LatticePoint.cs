namespace Radiomics.Features.Morphology;

/// <summary>
/// A point with integer coordinates. Geometry on a voxel grid is exact on a lattice: marching-cubes vertices of a
/// binary mask lie half-way between voxel centres, i.e. on integers in units of half a voxel, so orientation tests on
/// them need no tolerance.
/// </summary>
public readonly record struct LatticePoint(int X, int Y, int Z)
{
    /// <summary>Physical position: each coordinate times the lattice step along its axis, plus an offset.</summary>
    public Imaging.Vec3 Scale(Imaging.Vec3 step) => new(X * step.X, Y * step.Y, Z * step.Z);
}
