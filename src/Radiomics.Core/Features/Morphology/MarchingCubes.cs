using System.Collections.Concurrent;
using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// Marching cubes (Lorensen and Cline 1987) on a binary mask with the IBSI 1 conventions: the mask is padded with one
/// layer of non-ROI voxels so the surface is closed, the iso-level is 0.5, so every vertex lies half-way between the
/// centres of an ROI voxel and a non-ROI 6-neighbour. Faces are consistently oriented with outward normals.
/// </summary>
/// <remarks>
/// The case table is derived at start-up rather than typed in: on each cube face the surface crosses the edges whose
/// corners differ, crossings are joined into segments that keep the ROI on their left (seen from outside the cube), the
/// segments of the six faces chain into closed polygons, and each polygon is triangulated as Lewiner's tables do (the
/// largest area on the voxel lattice; ties broken by enclosed volume, then by area at the actual spacing, so results do
/// not depend on axis order or mirroring). Because a face's segments
/// depend only on its four corners, neighbouring cubes agree and the mesh is watertight. On an ambiguous face (ROI
/// corners on one diagonal only) the iso-level 0.5 meets the bilinear saddle exactly; scikit-image's Lewiner
/// implementation (the IBSI reference implementations' mesher) then joins the ROI corners, and so do we by default.
/// Inside a cube, ROI corners are never joined through the cube body (no tunnels), which is also what Lewiner's
/// interior test gives at this iso-level.
/// </remarks>
public static class MarchingCubes
{
    /// <summary>Case tables by diagonal rule and spacing (the spacing only breaks ties between triangulations).</summary>
    private static readonly ConcurrentDictionary<(bool, Vec3), CubeCaseTable> Tables = new();

    /// <summary>The surface mesh of the voxels where <paramref name="mask"/> is true.</summary>
    /// <param name="mask">One value per voxel, x fastest, then y, then z.</param>
    /// <param name="size">Grid size.</param>
    /// <param name="spacing">Voxel spacing (mm); vertices are placed in the grid's own axes, origin at voxel [0,0,0].</param>
    /// <param name="joinDiagonal">Whether two ROI voxels touching only along an edge are joined by the surface.</param>
    public static VoxelSurface Extract(ReadOnlySpan<bool> mask, Size3 size, Vec3 spacing, bool joinDiagonal = true)
    {
        if (mask.Length != size.Count)
        {
            throw new ArgumentException($"{mask.Length} mask values for a {size} grid.", nameof(mask));
        }

        if (!(spacing.X > 0 && spacing.Y > 0 && spacing.Z > 0) || !spacing.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Spacing must be positive and finite.");
        }

        if (Tables.Count > 64)
        {
            // A cohort can hold many spacings; tables are cheap (well under a millisecond), so just start over.
            Tables.Clear();
        }

        var table = Tables.GetOrAdd((joinDiagonal, spacing), key => new CubeCaseTable(key.Item1, key.Item2));

        // Padded grid: point p along an axis is voxel p − 1; points 0 and n + 1 are the non-ROI padding.
        int px = size.X + 2, py = size.Y + 2, pz = size.Z + 2;
        var inside = new bool[(long)px * py * pz];
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                mask.Slice((z * size.Y + y) * size.X, size.X).CopyTo(inside.AsSpan((((z + 1) * py) + y + 1) * px + 1, size.X));
            }
        }

        var vertexOfEdge = new Dictionary<int, int>();
        var vertices = new List<LatticePoint>();
        var triangles = new List<int>();
        Span<int> corner = stackalloc int[8];
        for (int z = 0; z < pz - 1; z++)
        {
            for (int y = 0; y < py - 1; y++)
            {
                for (int x = 0; x < px - 1; x++)
                {
                    int p0 = (z * py + y) * px + x;
                    int config = 0;
                    for (int c = 0; c < 8; c++)
                    {
                        corner[c] = p0 + (c & 1) + ((c >> 1) & 1) * px + ((c >> 2) & 1) * px * py;
                        if (inside[corner[c]])
                        {
                            config |= 1 << c;
                        }
                    }

                    if (config is 0 or 255)
                    {
                        continue;
                    }

                    foreach (int edge in table.Triangles(config))
                    {
                        int axis = edge >> 2;
                        int basePoint = corner[CubeCaseTable.EdgeBaseCorner(edge)];
                        int key = basePoint * 3 + axis;
                        if (!vertexOfEdge.TryGetValue(key, out int v))
                        {
                            v = vertices.Count;
                            vertexOfEdge.Add(key, v);
                            int bx = basePoint % px, by = basePoint / px % py, bz = basePoint / (px * py);
                            // Doubled voxel index: voxel centres are even, edge midpoints odd along the edge's axis.
                            vertices.Add(new LatticePoint(
                                2 * (bx - 1) + (axis == 0 ? 1 : 0),
                                2 * (by - 1) + (axis == 1 ? 1 : 0),
                                2 * (bz - 1) + (axis == 2 ? 1 : 0)));
                        }

                        triangles.Add(v);
                    }
                }
            }
        }

        return new VoxelSurface([.. vertices], [.. triangles], spacing);
    }
}
