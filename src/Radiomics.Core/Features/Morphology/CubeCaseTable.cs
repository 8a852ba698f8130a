namespace Radiomics.Features.Morphology;

/// <summary>
/// The marching-cubes triangulation of each of the 256 inside/outside configurations of a cube's corners, derived from
/// the face rule described on <see cref="MarchingCubes"/>.
/// </summary>
/// <remarks>
/// Corner c sits at offset (c &amp; 1, c &gt;&gt; 1 &amp; 1, c &gt;&gt; 2 &amp; 1). Edge e runs along axis e / 4 from corner
/// <see cref="EdgeBaseCorner"/>(e); the other two coordinates of that corner are the two bits of e % 4 (lower axis
/// first).
/// </remarks>
internal sealed class CubeCaseTable
{
    private readonly int[][] _triangles = new int[256][];

    public CubeCaseTable(bool joinDiagonal)
    {
        var loops = new List<List<int>>[256];
        for (int config = 0; config < 256; config++)
        {
            loops[config] = Loops(config, joinDiagonal);
        }

        // The segment rule fixes one orientation for every polygon; check it once on a single ROI corner (the outward
        // normal points away from corner 0, towards +x+y+z) and reverse every polygon if needed.
        bool reverse = Normal(loops[1][0]) is var n && n.X + n.Y + n.Z < 0;
        for (int config = 0; config < 256; config++)
        {
            var triangles = new List<int>();
            foreach (var loop in loops[config])
            {
                if (reverse)
                {
                    loop.Reverse();
                }

                Triangulate(loop, triangles);
            }

            _triangles[config] = [.. triangles];
        }
    }

    /// <summary>Edge indices, three per triangle, outward normals.</summary>
    public ReadOnlySpan<int> Triangles(int config) => _triangles[config];

    /// <summary>The corner an edge starts from (its lower end along the edge's axis).</summary>
    public static int EdgeBaseCorner(int edge)
    {
        int axis = edge >> 2;
        int k = edge & 3;
        int lo = k & 1, hi = k >> 1;
        return axis switch
        {
            0 => (lo << 1) | (hi << 2),
            1 => lo | (hi << 2),
            _ => lo | (hi << 1),
        };
    }

    private static int EdgeBetween(int c0, int c1)
    {
        int diff = c0 ^ c1;
        int axis = diff == 1 ? 0 : diff == 2 ? 1 : 2;
        int b = Math.Min(c0, c1);
        int k = axis switch
        {
            0 => ((b >> 1) & 1) | (((b >> 2) & 1) << 1),
            1 => (b & 1) | (((b >> 2) & 1) << 1),
            _ => (b & 1) | (((b >> 1) & 1) << 1),
        };
        return axis * 4 + k;
    }

    /// <summary>The four corners of a face in counter-clockwise order seen from outside the cube.</summary>
    private static int[] FaceCorners(int axis, int side)
    {
        int u = (axis + 1) % 3, v = (axis + 2) % 3;
        int s = side << axis;
        int[] corners = [s, s | (1 << u), s | (1 << u) | (1 << v), s | (1 << v)];
        if (side == 0)
        {
            Array.Reverse(corners);
        }

        return corners;
    }

    private static List<List<int>> Loops(int config, bool joinDiagonal)
    {
        var next = new int[12];
        Array.Fill(next, -1);
        for (int axis = 0; axis < 3; axis++)
        {
            for (int side = 0; side < 2; side++)
            {
                var q = FaceCorners(axis, side);
                Span<bool> inside = [(config >> q[0] & 1) == 1, (config >> q[1] & 1) == 1, (config >> q[2] & 1) == 1, (config >> q[3] & 1) == 1];
                int crossings = 0;
                for (int i = 0; i < 4; i++)
                {
                    crossings += inside[i] != inside[(i + 1) % 4] ? 1 : 0;
                }

                for (int i = 0; i < 4; i++)
                {
                    // Segments start where the boundary, walked counter-clockwise, leaves the ROI (edge i: q_i in, q_i+1
                    // out) and keep the ROI on their left.
                    if (!inside[i] || inside[(i + 1) % 4])
                    {
                        continue;
                    }

                    int from = EdgeBetween(q[i], q[(i + 1) % 4]);
                    int to;
                    if (crossings == 4 && !joinDiagonal)
                    {
                        // Cut off the ROI corner q_i: end on the edge entering it.
                        to = EdgeBetween(q[(i + 3) % 4], q[i]);
                    }
                    else
                    {
                        // Cut off the run of non-ROI corners: end where the boundary re-enters the ROI.
                        int j = (i + 1) % 4;
                        while (!inside[(j + 1) % 4])
                        {
                            j = (j + 1) % 4;
                        }

                        to = EdgeBetween(q[j], q[(j + 1) % 4]);
                    }

                    next[from] = to;
                }
            }
        }

        var loops = new List<List<int>>();
        var used = new bool[12];
        for (int start = 0; start < 12; start++)
        {
            if (next[start] < 0 || used[start])
            {
                continue;
            }

            var loop = new List<int>();
            for (int e = start; !used[e]; e = next[e])
            {
                used[e] = true;
                loop.Add(e);
            }

            loops.Add(loop);
        }

        return loops;
    }

    private static (double X, double Y, double Z) Midpoint(int edge)
    {
        int c = EdgeBaseCorner(edge);
        int axis = edge >> 2;
        return ((c & 1) + (axis == 0 ? 0.5 : 0), ((c >> 1) & 1) + (axis == 1 ? 0.5 : 0), ((c >> 2) & 1) + (axis == 2 ? 0.5 : 0));
    }

    /// <summary>Newell's normal of a polygon of edge midpoints.</summary>
    private static (double X, double Y, double Z) Normal(List<int> loop)
    {
        double nx = 0, ny = 0, nz = 0;
        for (int i = 0; i < loop.Count; i++)
        {
            var a = Midpoint(loop[i]);
            var b = Midpoint(loop[(i + 1) % loop.Count]);
            nx += (a.Y - b.Y) * (a.Z + b.Z);
            ny += (a.Z - b.Z) * (a.X + b.X);
            nz += (a.X - b.X) * (a.Y + b.Y);
        }

        return (nx, ny, nz);
    }

    private static double TriangleArea(int a, int b, int c)
    {
        var pa = Midpoint(a);
        var pb = Midpoint(b);
        var pc = Midpoint(c);
        double ux = pb.X - pa.X, uy = pb.Y - pa.Y, uz = pb.Z - pa.Z;
        double vx = pc.X - pa.X, vy = pc.Y - pa.Y, vz = pc.Z - pa.Z;
        double cx = (uy * vz) - (uz * vy), cy = (uz * vx) - (ux * vz), cz = (ux * vy) - (uy * vx);
        return Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz)) / 2;
    }

    /// <summary>
    /// Triangulates a polygon of edge midpoints with the largest total area (dynamic programming over diagonals).
    /// Non-planar polygons (a pentagon for three ROI corners on a face, hexagons for four corners) have several
    /// triangulations with different areas and volumes; the largest-area one is the choice of Lewiner's tables used
    /// by scikit-image and hence by the IBSI reference implementations, and it does not depend on which side is the ROI.
    /// </summary>
    private static void Triangulate(List<int> loop, List<int> triangles)
    {
        int n = loop.Count;
        var best = new double[n, n];
        var split = new int[n, n];
        for (int length = 2; length < n; length++)
        {
            for (int i = 0; i + length < n; i++)
            {
                int j = i + length;
                best[i, j] = double.MinValue;
                for (int k = i + 1; k < j; k++)
                {
                    double area = best[i, k] + best[k, j] + TriangleArea(loop[i], loop[k], loop[j]);
                    if (area > best[i, j] + 1e-12)
                    {
                        best[i, j] = area;
                        split[i, j] = k;
                    }
                }
            }
        }

        Emit(0, n - 1);

        void Emit(int i, int j)
        {
            if (j - i < 2)
            {
                return;
            }

            int k = split[i, j];
            Emit(i, k);
            triangles.Add(loop[i]);
            triangles.Add(loop[k]);
            triangles.Add(loop[j]);
            Emit(k, j);
        }
    }
}
