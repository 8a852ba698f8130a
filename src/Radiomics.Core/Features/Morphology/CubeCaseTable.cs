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
    /// <summary>Outward polygons (edge indices) per configuration, with separated [0] and joined [1] diagonals.</summary>
    private static readonly int[][][][] OrientedLoops = [BuildLoops(joinDiagonal: false), BuildLoops(joinDiagonal: true)];

    /// <summary>Index-space area and signed volume (about the cube centre) of every triangle of edge midpoints, at [(a·12 + b)·12 + c].</summary>
    private static readonly (double Area, double Volume)[] UnitMeasures = BuildUnitMeasures();

    private readonly int[][] _triangles = new int[256][];
    private readonly double[] _physicalArea = new double[12 * 12 * 12];

    /// <param name="joinDiagonal">Whether ROI corners on a face diagonal are joined.</param>
    /// <param name="proportions">Voxel spacing (only its ratios matter), for the last tie-break of triangulations.</param>
    public CubeCaseTable(bool joinDiagonal, Imaging.Vec3 proportions)
    {
        double scale = proportions.MaxAbs;
        var s = (X: proportions.X / scale, Y: proportions.Y / scale, Z: proportions.Z / scale);
        for (int a = 0; a < 12; a++)
        {
            for (int b = 0; b < 12; b++)
            {
                for (int c = 0; c < 12; c++)
                {
                    _physicalArea[(((a * 12) + b) * 12) + c] = Area(Scale(Midpoint(a), s), Scale(Midpoint(b), s), Scale(Midpoint(c), s));
                }
            }
        }

        var loops = OrientedLoops[joinDiagonal ? 1 : 0];
        for (int config = 0; config < 256; config++)
        {
            var triangles = new List<int>();
            foreach (var loop in loops[config])
            {
                Triangulate(loop, triangles);
            }

            _triangles[config] = [.. triangles];
        }
    }

    private static int[][][] BuildLoops(bool joinDiagonal)
    {
        var loops = new List<List<int>>[256];
        for (int config = 0; config < 256; config++)
        {
            loops[config] = Loops(config, joinDiagonal);
        }

        // The segment rule fixes one orientation for every polygon; check it once on a single ROI corner (the outward
        // normal points away from corner 0, towards +x+y+z) and reverse every polygon if needed.
        bool reverse = Normal(loops[1][0]) is var n && n.X + n.Y + n.Z < 0;
        var result = new int[256][][];
        for (int config = 0; config < 256; config++)
        {
            result[config] = new int[loops[config].Count][];
            for (int l = 0; l < loops[config].Count; l++)
            {
                var loop = loops[config][l];
                if (reverse)
                {
                    loop.Reverse();
                }

                result[config][l] = [.. loop];
            }
        }

        return result;
    }

    private static (double Area, double Volume)[] BuildUnitMeasures()
    {
        var measures = new (double, double)[12 * 12 * 12];
        for (int a = 0; a < 12; a++)
        {
            for (int b = 0; b < 12; b++)
            {
                for (int c = 0; c < 12; c++)
                {
                    measures[(((a * 12) + b) * 12) + c] = (Area(Midpoint(a), Midpoint(b), Midpoint(c)), TriangleVolume(a, b, c));
                }
            }
        }

        return measures;
    }

    private static (double X, double Y, double Z) Scale((double X, double Y, double Z) p, (double X, double Y, double Z) s) =>
        (p.X * s.X, p.Y * s.Y, p.Z * s.Z);

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

    private static double Area((double X, double Y, double Z) pa, (double X, double Y, double Z) pb, (double X, double Y, double Z) pc)
    {
        double ux = pb.X - pa.X, uy = pb.Y - pa.Y, uz = pb.Z - pa.Z;
        double vx = pc.X - pa.X, vy = pc.Y - pa.Y, vz = pc.Z - pa.Z;
        double cx = (uy * vz) - (uz * vy), cy = (uz * vx) - (ux * vz), cz = (ux * vy) - (uy * vx);
        return Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz)) / 2;
    }

    /// <summary>Signed volume of the tetrahedron (cube centre, a, b, c), positive for a face whose normal points away from the centre.</summary>
    private static double TriangleVolume(int a, int b, int c)
    {
        var pa = Midpoint(a);
        var pb = Midpoint(b);
        var pc = Midpoint(c);
        double ax = pa.X - 0.5, ay = pa.Y - 0.5, az = pa.Z - 0.5;
        double bx = pb.X - 0.5, by = pb.Y - 0.5, bz = pb.Z - 0.5;
        double cx = pc.X - 0.5, cy = pc.Y - 0.5, cz = pc.Z - 0.5;
        return ((ax * ((by * cz) - (bz * cy))) - (ay * ((bx * cz) - (bz * cx))) + (az * ((bx * cy) - (by * cx)))) / 6;
    }

    /// <summary>
    /// Triangulates an outward-oriented polygon of edge midpoints (dynamic programming over diagonals) with the largest
    /// total area in index space, then among equal areas the largest enclosed volume, then the largest area in the
    /// cell's physical proportions. Non-planar polygons (a pentagon for three ROI corners on a face, hexagons for four)
    /// have several triangulations with different areas and volumes; the largest index-space area is the choice of
    /// Lewiner's tables used by scikit-image and hence by the IBSI reference implementations (choosing in physical
    /// space instead misses configuration A's references). The criteria are geometric, so mesh volume and area do not
    /// depend on axis order or mirroring of the mask.
    /// </summary>
    private void Triangulate(int[] loop, List<int> triangles)
    {
        const double tie = 1e-12;
        int n = loop.Length;
        var area = new double[n, n];
        var volume = new double[n, n];
        var physical = new double[n, n];
        var split = new int[n, n];
        for (int length = 2; length < n; length++)
        {
            for (int i = 0; i + length < n; i++)
            {
                int j = i + length;
                area[i, j] = double.MinValue;
                for (int k = i + 1; k < j; k++)
                {
                    int t = (((loop[i] * 12) + loop[k]) * 12) + loop[j];
                    double a = area[i, k] + area[k, j] + UnitMeasures[t].Area;
                    double v = volume[i, k] + volume[k, j] + UnitMeasures[t].Volume;
                    double p = physical[i, k] + physical[k, j] + _physicalArea[t];
                    bool better = a > area[i, j] + tie
                        || (a >= area[i, j] - tie && (v > volume[i, j] + tie || (v >= volume[i, j] - tie && p > physical[i, j] + tie)));
                    if (better)
                    {
                        area[i, j] = a;
                        volume[i, j] = v;
                        physical[i, j] = p;
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
