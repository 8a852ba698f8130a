using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// The 3D convex hull of points on an integer lattice, by quickhull (Barber, Dobkin and Huhdanpaa 1996) with exact
/// integer orientation tests. Voxel data are highly degenerate (many coplanar and collinear points); exact predicates
/// make the construction robust without tolerances. A linear map (e.g. lattice steps to millimetres) maps the hull of
/// the lattice points onto the hull of the mapped points, so <see cref="ToMesh"/> gives the physical hull.
/// </summary>
public sealed class ConvexHull3D
{
    /// <summary>Largest absolute coordinate for which the exact 64-bit predicates cannot overflow.</summary>
    public const int MaxCoordinate = 1 << 19;

    private readonly LatticePoint[] _points;
    private readonly int[] _triangles;
    private readonly int[] _vertexIndices;

    private ConvexHull3D(LatticePoint[] points, int[] triangles)
    {
        _points = points;
        _triangles = triangles;
        var used = new bool[points.Length];
        foreach (int t in triangles)
        {
            used[t] = true;
        }

        var vertices = new List<int>();
        for (int i = 0; i < used.Length; i++)
        {
            if (used[i])
            {
                vertices.Add(i);
            }
        }

        _vertexIndices = [.. vertices];
    }

    /// <summary>The input points.</summary>
    public ReadOnlySpan<LatticePoint> Points => _points;

    /// <summary>Indices (into <see cref="Points"/>) of the points the hull's faces use.</summary>
    public ReadOnlySpan<int> VertexIndices => _vertexIndices;

    /// <summary>Point indices, three per face, normals outward. Coplanar neighbouring faces are not merged.</summary>
    public ReadOnlySpan<int> Triangles => _triangles;

    /// <summary>The hull of <paramref name="points"/>, which must not all lie in one plane.</summary>
    /// <exception cref="ArgumentException">Fewer than four points, all points coplanar, or a coordinate beyond <see cref="MaxCoordinate"/>.</exception>
    public static ConvexHull3D Compute(ReadOnlySpan<LatticePoint> points)
    {
        foreach (var p in points)
        {
            if (Math.Abs(p.X) > MaxCoordinate || Math.Abs(p.Y) > MaxCoordinate || Math.Abs(p.Z) > MaxCoordinate)
            {
                throw new ArgumentException($"Point {p} lies beyond ±{MaxCoordinate}, where exact hull predicates could overflow.", nameof(points));
            }
        }

        var copy = points.ToArray();
        return new ConvexHull3D(copy, new QuickHull(copy).Run());
    }

    /// <summary>Whether a point lies inside or on the hull (exact).</summary>
    public bool Contains(LatticePoint p)
    {
        for (int f = 0; f < _triangles.Length; f += 3)
        {
            var plane = Plane.Through(_points[_triangles[f]], _points[_triangles[f + 1]], _points[_triangles[f + 2]]);
            if (plane.Above(p) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The hull as a mesh in physical units: lattice coordinates times <paramref name="step"/> per axis.</summary>
    public TriangleMesh ToMesh(Vec3 step)
    {
        var remap = new int[_points.Length];
        var vertices = new Vec3[_vertexIndices.Length];
        for (int i = 0; i < _vertexIndices.Length; i++)
        {
            remap[_vertexIndices[i]] = i;
            vertices[i] = _points[_vertexIndices[i]].Scale(step);
        }

        var triangles = new int[_triangles.Length];
        for (int i = 0; i < triangles.Length; i++)
        {
            triangles[i] = remap[_triangles[i]];
        }

        return new TriangleMesh(vertices, triangles);
    }

    /// <summary>A plane n·x = d through three lattice points, n = (b − a) × (c − a).</summary>
    private readonly record struct Plane(long Nx, long Ny, long Nz, long D)
    {
        public static Plane Through(LatticePoint a, LatticePoint b, LatticePoint c)
        {
            long ux = b.X - a.X, uy = b.Y - a.Y, uz = b.Z - a.Z;
            long vx = c.X - a.X, vy = c.Y - a.Y, vz = c.Z - a.Z;
            long nx = (uy * vz) - (uz * vy), ny = (uz * vx) - (ux * vz), nz = (ux * vy) - (uy * vx);
            return new Plane(nx, ny, nz, (nx * a.X) + (ny * a.Y) + (nz * a.Z));
        }

        /// <summary>Positive above the plane (on the side the normal points to), zero on it.</summary>
        public long Above(LatticePoint p) => (Nx * p.X) + (Ny * p.Y) + (Nz * p.Z) - D;
    }

    private sealed class Face
    {
        public int A;
        public int B;
        public int C;
        public Plane Plane;

        /// <summary>Neighbours across edges AB, BC and CA.</summary>
        public readonly int[] Neighbour = new int[3];

        public List<int>? Outside;
        public bool Alive = true;
        public int VisibleStamp = -1;

        public int Vertex(int i) => i == 0 ? A : i == 1 ? B : C;
    }

    private sealed class QuickHull(LatticePoint[] points)
    {
        private readonly List<Face> _faces = [];
        private readonly Stack<List<int>> _spareLists = new();

        public int[] Run()
        {
            var (i0, i1, i2, i3) = InitialSimplex();
            int[] simplex = [i0, i1, i2, i3];
            // Faces of the tetrahedron, each oriented so that the remaining vertex lies below it.
            int f0 = AddFace(i0, i1, i2, i3);
            int f1 = AddFace(i0, i3, i1, i2);
            int f2 = AddFace(i1, i3, i2, i0);
            int f3 = AddFace(i2, i3, i0, i1);
            LinkTetrahedron(f0, f1, f2, f3);

            for (int i = 0; i < points.Length; i++)
            {
                if (i == i0 || i == i1 || i == i2 || i == i3)
                {
                    continue;
                }

                foreach (int f in (ReadOnlySpan<int>)[f0, f1, f2, f3])
                {
                    if (_faces[f].Plane.Above(points[i]) > 0)
                    {
                        AddOutside(_faces[f], i);
                        break;
                    }
                }
            }

            var pending = new Stack<int>([f0, f1, f2, f3]);
            var visible = new List<int>();
            var horizon = new List<(int U, int V, int Outer)>();
            var newFaces = new List<int>();
            var startsAt = new Dictionary<int, int>();
            var endsAt = new Dictionary<int, int>();
            int stamp = 0;
            while (pending.Count > 0)
            {
                int fi = pending.Pop();
                var face = _faces[fi];
                if (!face.Alive || face.Outside is not { Count: > 0 } outside)
                {
                    continue;
                }

                int eye = Furthest(face, outside);
                var p = points[eye];

                // Faces strictly visible from the eye form a connected patch; its boundary is the horizon.
                stamp++;
                visible.Clear();
                horizon.Clear();
                face.VisibleStamp = stamp;
                visible.Add(fi);
                for (int k = 0; k < visible.Count; k++)
                {
                    var vf = _faces[visible[k]];
                    for (int e = 0; e < 3; e++)
                    {
                        int ni = vf.Neighbour[e];
                        var nf = _faces[ni];
                        if (nf.VisibleStamp == stamp)
                        {
                            continue;
                        }

                        if (nf.Plane.Above(p) > 0)
                        {
                            nf.VisibleStamp = stamp;
                            visible.Add(ni);
                        }
                    }
                }

                foreach (int vi in visible)
                {
                    var vf = _faces[vi];
                    for (int e = 0; e < 3; e++)
                    {
                        int ni = vf.Neighbour[e];
                        if (_faces[ni].VisibleStamp != stamp)
                        {
                            horizon.Add((vf.Vertex(e), vf.Vertex((e + 1) % 3), ni));
                        }
                    }
                }

                // A cone of new faces from each horizon edge to the eye, same orientation as the faces they replace.
                newFaces.Clear();
                startsAt.Clear();
                endsAt.Clear();
                foreach (var (u, v, outer) in horizon)
                {
                    int nf = AddFace(u, v, eye, -1);
                    _faces[nf].Neighbour[0] = outer;
                    var of = _faces[outer];
                    for (int e = 0; e < 3; e++)
                    {
                        if (of.Vertex(e) == v && of.Vertex((e + 1) % 3) == u)
                        {
                            of.Neighbour[e] = nf;
                        }
                    }

                    startsAt[u] = nf;
                    endsAt[v] = nf;
                    newFaces.Add(nf);
                }

                foreach (int nf in newFaces)
                {
                    var f = _faces[nf];
                    f.Neighbour[1] = startsAt[f.B];
                    f.Neighbour[2] = endsAt[f.A];
                }

                foreach (int vi in visible)
                {
                    var vf = _faces[vi];
                    vf.Alive = false;
                    if (vf.Outside is null)
                    {
                        continue;
                    }

                    foreach (int q in vf.Outside)
                    {
                        if (q == eye)
                        {
                            continue;
                        }

                        foreach (int nf in newFaces)
                        {
                            if (_faces[nf].Plane.Above(points[q]) > 0)
                            {
                                AddOutside(_faces[nf], q);
                                break;
                            }
                        }
                    }

                    vf.Outside.Clear();
                    _spareLists.Push(vf.Outside);
                    vf.Outside = null;
                }

                foreach (int nf in newFaces)
                {
                    if (_faces[nf].Outside is { Count: > 0 })
                    {
                        pending.Push(nf);
                    }
                }
            }

            var triangles = new List<int>();
            foreach (var f in _faces)
            {
                if (f.Alive)
                {
                    triangles.Add(f.A);
                    triangles.Add(f.B);
                    triangles.Add(f.C);
                }
            }

            return [.. triangles];
        }

        private (int, int, int, int) InitialSimplex()
        {
            if (points.Length < 4)
            {
                throw new ArgumentException($"A 3D hull needs at least four points; got {points.Length}.", nameof(points));
            }

            int i0 = 0;
            for (int i = 1; i < points.Length; i++)
            {
                if (points[i].X < points[i0].X)
                {
                    i0 = i;
                }
            }

            var a = points[i0];
            int i1 = ArgMax(p => Square(p.X - a.X) + Square(p.Y - a.Y) + Square(p.Z - a.Z));
            var b = points[i1];
            int i2 = ArgMax(p =>
            {
                var n = Plane.Through(a, b, p);
                return ((double)n.Nx * n.Nx) + ((double)n.Ny * n.Ny) + ((double)n.Nz * n.Nz);
            });
            var c = points[i2];
            var plane = Plane.Through(a, b, c);
            if (plane is { Nx: 0, Ny: 0, Nz: 0 })
            {
                throw new ArgumentException("All points lie on one line; they have no 3D hull.", nameof(points));
            }

            int i3 = ArgMax(p => Math.Abs((double)plane.Above(p)));
            if (plane.Above(points[i3]) == 0)
            {
                throw new ArgumentException("All points lie in one plane; they have no 3D hull.", nameof(points));
            }

            return (i0, i1, i2, i3);
        }

        private int ArgMax(Func<LatticePoint, double> score)
        {
            int best = 0;
            double bestScore = double.MinValue;
            for (int i = 0; i < points.Length; i++)
            {
                double s = score(points[i]);
                if (s > bestScore)
                {
                    bestScore = s;
                    best = i;
                }
            }

            return best;
        }

        private static double Square(double x) => x * x;

        /// <summary>Adds face (a, b, c), flipped if needed so that <paramref name="below"/> (when given) lies below it.</summary>
        private int AddFace(int a, int b, int c, int below)
        {
            var plane = Plane.Through(points[a], points[b], points[c]);
            if (below >= 0 && plane.Above(points[below]) > 0)
            {
                (b, c) = (c, b);
                plane = Plane.Through(points[a], points[b], points[c]);
            }

            _faces.Add(new Face { A = a, B = b, C = c, Plane = plane });
            return _faces.Count - 1;
        }

        private void LinkTetrahedron(params ReadOnlySpan<int> faces)
        {
            foreach (int fi in faces)
            {
                var f = _faces[fi];
                for (int e = 0; e < 3; e++)
                {
                    int u = f.Vertex(e), v = f.Vertex((e + 1) % 3);
                    foreach (int gi in faces)
                    {
                        var g = _faces[gi];
                        for (int k = 0; k < 3; k++)
                        {
                            if (g.Vertex(k) == v && g.Vertex((k + 1) % 3) == u)
                            {
                                f.Neighbour[e] = gi;
                            }
                        }
                    }
                }
            }
        }

        private void AddOutside(Face face, int point)
        {
            face.Outside ??= _spareLists.Count > 0 ? _spareLists.Pop() : [];
            face.Outside.Add(point);
        }

        private int Furthest(Face face, List<int> outside)
        {
            int best = outside[0];
            long bestHeight = long.MinValue;
            foreach (int q in outside)
            {
                // Same plane for all candidates, so the unnormalised height orders them exactly.
                long h = face.Plane.Above(points[q]);
                if (h > bestHeight)
                {
                    bestHeight = h;
                    best = q;
                }
            }

            return best;
        }
    }
}
