using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// A closed triangle mesh with consistently oriented faces (normals by the right-hand rule point outward), as used by
/// the IBSI mesh-based morphological features.
/// </summary>
public sealed class TriangleMesh
{
    private readonly Vec3[] _vertices;
    private readonly int[] _triangles;

    /// <param name="vertices">Vertex positions (mm).</param>
    /// <param name="triangles">Three vertex indices per face.</param>
    public TriangleMesh(Vec3[] vertices, int[] triangles)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        ArgumentNullException.ThrowIfNull(triangles);
        if (triangles.Length % 3 != 0)
        {
            throw new ArgumentException($"Triangles need three indices each; got {triangles.Length} indices.", nameof(triangles));
        }

        foreach (int t in triangles)
        {
            if ((uint)t >= (uint)vertices.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(triangles), t, $"Vertex index outside 0..{vertices.Length - 1}.");
            }
        }

        _vertices = vertices;
        _triangles = triangles;
    }

    public ReadOnlySpan<Vec3> Vertices => _vertices;

    /// <summary>Vertex indices, three per face.</summary>
    public ReadOnlySpan<int> Triangles => _triangles;

    public int FaceCount => _triangles.Length / 3;

    /// <summary>
    /// Enclosed volume (IBSI RNU0): |Σ a·(b×c)| / 6 over the faces, the signed volumes of the tetrahedra each face forms
    /// with the origin. Vertices are centred first so that the sum does not lose digits far from the origin.
    /// </summary>
    public double Volume => Math.Abs(SignedVolume);

    /// <summary>Σ a·(b×c) / 6: positive when the normals point outward.</summary>
    public double SignedVolume
    {
        get
        {
            var c = Centroid();
            double sum = 0;
            for (int f = 0; f < _triangles.Length; f += 3)
            {
                var a = _vertices[_triangles[f]] - c;
                var b = _vertices[_triangles[f + 1]] - c;
                var d = _vertices[_triangles[f + 2]] - c;
                sum += a.Dot(b.Cross(d));
            }

            return sum / 6;
        }
    }

    /// <summary>Surface area (IBSI C0JK): Σ |ab × ac| / 2 over the faces.</summary>
    public double SurfaceArea
    {
        get
        {
            double sum = 0;
            for (int f = 0; f < _triangles.Length; f += 3)
            {
                var a = _vertices[_triangles[f]];
                sum += (_vertices[_triangles[f + 1]] - a).Cross(_vertices[_triangles[f + 2]] - a).Norm;
            }

            return sum / 2;
        }
    }

    /// <summary>The smallest and largest vertex coordinates along each axis (the axis-aligned bounding box).</summary>
    public (Vec3 Min, Vec3 Max) Bounds()
    {
        if (_vertices.Length == 0)
        {
            throw new InvalidOperationException("An empty mesh has no bounds.");
        }

        double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue;
        double x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
        foreach (var v in _vertices)
        {
            x0 = Math.Min(x0, v.X);
            y0 = Math.Min(y0, v.Y);
            z0 = Math.Min(z0, v.Z);
            x1 = Math.Max(x1, v.X);
            y1 = Math.Max(y1, v.Y);
            z1 = Math.Max(z1, v.Z);
        }

        return (new Vec3(x0, y0, z0), new Vec3(x1, y1, z1));
    }

    /// <summary>
    /// Whether every edge is shared by exactly two faces that traverse it in opposite directions: the condition for a
    /// closed, consistently oriented mesh whose volume is well defined.
    /// </summary>
    public bool IsClosedAndOriented()
    {
        var directed = new Dictionary<(int, int), int>(_triangles.Length);
        for (int f = 0; f < _triangles.Length; f += 3)
        {
            for (int e = 0; e < 3; e++)
            {
                var key = (_triangles[f + e], _triangles[f + ((e + 1) % 3)]);
                directed[key] = directed.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var ((a, b), count) in directed)
        {
            if (count != 1 || directed.GetValueOrDefault((b, a)) != 1)
            {
                return false;
            }
        }

        return true;
    }

    private Vec3 Centroid()
    {
        if (_vertices.Length == 0)
        {
            return Vec3.Zero;
        }

        Vec3 sum = Vec3.Zero;
        foreach (var v in _vertices)
        {
            sum += v;
        }

        return sum / _vertices.Length;
    }
}
