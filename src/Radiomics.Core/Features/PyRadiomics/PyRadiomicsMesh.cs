using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// Surface area and volume of a mask's marching-cubes mesh as PyRadiomics computes them: vertices at edge midpoints,
/// the mask padded by one voxel, the volume summed as signed tetrahedra from the padded array's origin.
/// </summary>
/// <remarks>
/// Difference from the toolkit's IBSI mesh: PyRadiomics' case table (the classic 128-case table, a cube whose corner
/// (z+1, y+1, x) is in the ROI being triangulated as its complement) separates ROI corners that touch only along a face
/// diagonal unless that corner is in the ROI, where it joins them; the IBSI mesh joins them always. The mesh is then not
/// always watertight, which PyRadiomics accepts; so do we here, to reproduce its values.
/// </remarks>
internal static class PyRadiomicsMesh
{
    public static (double Area, double Volume) Measure(PyRadiomicsVolume v)
    {
        var spacing = new Vec3(v.Spacing.X, v.Spacing.Y, v.Spacing.Z);
        var separated = new CubeCaseTable(joinDiagonal: false, spacing);
        var joined = new CubeCaseTable(joinDiagonal: true, spacing);
        int px = v.Size[2] + 2, py = v.Size[1] + 2, pz = v.Size[0] + 2;
        var inside = new bool[px * py * pz];
        for (int z = 0; z < v.Size[0]; z++)
        {
            for (int y = 0; y < v.Size[1]; y++)
            {
                for (int x = 0; x < v.Size[2]; x++)
                {
                    inside[((((z + 1) * py) + y + 1) * px) + x + 1] = v.Mask[(((z * v.Size[1]) + y) * v.Size[2]) + x];
                }
            }
        }

        double area = 0, volume = 0;
        Span<Vec3> t = stackalloc Vec3[3];
        for (int z = 0; z < pz - 1; z++)
        {
            for (int y = 0; y < py - 1; y++)
            {
                for (int x = 0; x < px - 1; x++)
                {
                    int config = 0;
                    for (int c = 0; c < 8; c++)
                    {
                        int i = ((((z + ((c >> 2) & 1)) * py) + y + ((c >> 1) & 1)) * px) + x + (c & 1);
                        if (inside[i])
                        {
                            config |= 1 << c;
                        }
                    }

                    if (config is 0 or 255)
                    {
                        continue;
                    }

                    // Corner 6 is (x, y+1, z+1): PyRadiomics' corner 7.
                    var table = (config & (1 << 6)) != 0 ? joined : separated;
                    var edges = table.Triangles(config);
                    for (int k = 0; k < edges.Length; k += 3)
                    {
                        for (int e = 0; e < 3; e++)
                        {
                            int edge = edges[k + e];
                            int axis = edge >> 2, b = CubeCaseTable.EdgeBaseCorner(edge);
                            double cx = x + (b & 1) + (axis == 0 ? 0.5 : 0);
                            double cy = y + ((b >> 1) & 1) + (axis == 1 ? 0.5 : 0);
                            double cz = z + ((b >> 2) & 1) + (axis == 2 ? 0.5 : 0);
                            t[e] = new Vec3(cx * spacing.X, cy * spacing.Y, cz * spacing.Z);
                        }

                        var ab = Cross(t[0], t[1]);
                        volume += (ab.X * t[2].X) + (ab.Y * t[2].Y) + (ab.Z * t[2].Z);
                        var n = Cross(t[0] - t[2], t[1] - t[2]);
                        area += 0.5 * Math.Sqrt((n.X * n.X) + (n.Y * n.Y) + (n.Z * n.Z));
                    }
                }
            }
        }

        return (area, Math.Abs(volume) / 6);
    }

    private static Vec3 Cross(Vec3 a, Vec3 b) => new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));
}
