using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Features.Morphology;

/// <summary>
/// Oriented minimum bounding box (OMBB) of a convex hull, for IBSI volume and area density (OMBB) (ZH1A, IQYR).
/// </summary>
/// <remarks>
/// O'Rourke (1985) showed that the minimum box either has a face flush with a hull face or two adjacent faces each
/// touching a hull edge. Like the approximations the manual cites (Barequet and Har-Peled 2001; Chan and Tan 2001), this
/// searches the first family and the second not at all: for each distinct hull face normal (at most
/// <see cref="MaxCandidates"/>, largest facets first), the smallest rectangle around the hull's projection onto the
/// face plane (one rectangle side on each edge of the projected 2D hull in turn; Freeman and Shapira 1975) times the
/// hull's extent along the normal. The result encloses the hull and is never larger than the axis-aligned box; it can
/// exceed the true minimum when the optimum has no face on a hull face. The manual gives no reference values for these
/// features.
/// </remarks>
public static class OrientedMinimumBoundingBox
{
    /// <summary>
    /// Most distinct face normals tried. Tumour hulls have a few hundred; beyond this (very large smooth ROIs) the
    /// normals of the largest hull facets are tried, which bounds the cost.
    /// </summary>
    public const int MaxCandidates = 1024;

    /// <summary>The smallest box with one face on a face of <paramref name="hull"/>, in units of lattice × <paramref name="step"/>.</summary>
    public static OrientedBox Compute(ConvexHull3D hull, Vec3 step)
    {
        ArgumentNullException.ThrowIfNull(hull);
        var indices = hull.VertexIndices;
        var points = new Vec3[indices.Length];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = hull.Points[indices[i]].Scale(step);
        }

        // Distinct face normals with the total area of the facets that share them.
        var facetArea = new Dictionary<(long, long, long), double>();
        var triangles = hull.Triangles;
        for (int f = 0; f < triangles.Length; f += 3)
        {
            var a = hull.Points[triangles[f]];
            var b = hull.Points[triangles[f + 1]];
            var c = hull.Points[triangles[f + 2]];
            var key = CanonicalNormal(a, b, c);
            double area = (b.Scale(step) - a.Scale(step)).Cross(c.Scale(step) - a.Scale(step)).Norm;
            facetArea[key] = facetArea.GetValueOrDefault(key) + area;
        }

        var candidates = facetArea.ToList();
        candidates.Sort((x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : x.Key.CompareTo(y.Key));
        if (candidates.Count > MaxCandidates)
        {
            candidates.RemoveRange(MaxCandidates, candidates.Count - MaxCandidates);
        }

        var boxes = new OrientedBox[candidates.Count];
        ParallelRows.For(0, candidates.Count, Parallelism.AllCores, () => new Vec2[points.Length], (k, planar) =>
        {
            var (nx, ny, nz) = candidates[k].Key;
            // A lattice plane n·x = d is the plane (n ⊘ step)·x_mm = d in millimetres.
            var normal = new Vec3(nx / step.X, ny / step.Y, nz / step.Z).Normalised();
            boxes[k] = BestBoxWithFaceNormal(points, normal, planar);
        });

        // Ties go to the earlier candidate, so the result does not depend on thread timing.
        var best = BoxAround(points, Matrix3.Identity);
        foreach (var box in boxes)
        {
            if (box.Volume < best.Volume)
            {
                best = box;
            }
        }

        return best;
    }

    /// <summary>The hull-face normal reduced by the gcd of its components, sign fixed: equal for parallel faces.</summary>
    private static (long, long, long) CanonicalNormal(LatticePoint a, LatticePoint b, LatticePoint c)
    {
        long ux = b.X - a.X, uy = b.Y - a.Y, uz = b.Z - a.Z;
        long vx = c.X - a.X, vy = c.Y - a.Y, vz = c.Z - a.Z;
        long nx = (uy * vz) - (uz * vy), ny = (uz * vx) - (ux * vz), nz = (ux * vy) - (uy * vx);
        long g = Gcd(Gcd(Math.Abs(nx), Math.Abs(ny)), Math.Abs(nz));
        if (g > 1)
        {
            nx /= g;
            ny /= g;
            nz /= g;
        }

        if (nx < 0 || (nx == 0 && (ny < 0 || (ny == 0 && nz < 0))))
        {
            (nx, ny, nz) = (-nx, -ny, -nz);
        }

        return (nx, ny, nz);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private readonly record struct Vec2(double X, double Y);

    private readonly struct LexicographicOrder : IComparer<Vec2>
    {
        public int Compare(Vec2 a, Vec2 b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y);
    }

    private static OrientedBox BestBoxWithFaceNormal(Vec3[] points, Vec3 normal, Vec2[] planar)
    {
        // Orthonormal basis (u, w, normal) of the face plane.
        var helper = Math.Abs(normal.X) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        var u = helper.Cross(normal).Normalised();
        var w = normal.Cross(u);
        for (int i = 0; i < points.Length; i++)
        {
            planar[i] = new Vec2(points[i].Dot(u), points[i].Dot(w));
        }

        var ring = ConvexHull2D(planar);
        double bestArea = double.MaxValue;
        Vec3 bestU = u, bestW = w;
        for (int k = 0; k < ring.Count; k++)
        {
            var next = ring[(k + 1) % ring.Count];
            var e = new Vec2(next.X - ring[k].X, next.Y - ring[k].Y);
            double length = Math.Sqrt((e.X * e.X) + (e.Y * e.Y));
            if (length == 0)
            {
                continue;
            }

            double ex = e.X / length, ey = e.Y / length;
            double min0 = double.MaxValue, max0 = double.MinValue, min1 = double.MaxValue, max1 = double.MinValue;
            foreach (var p in ring)
            {
                double s = (p.X * ex) + (p.Y * ey);
                double t = (p.Y * ex) - (p.X * ey);
                min0 = Math.Min(min0, s);
                max0 = Math.Max(max0, s);
                min1 = Math.Min(min1, t);
                max1 = Math.Max(max1, t);
            }

            double area = (max0 - min0) * (max1 - min1);
            if (area < bestArea)
            {
                bestArea = area;
                bestU = (ex * u) + (ey * w);
                bestW = (ex * w) - (ey * u);
            }
        }

        return BoxAround(points, Matrix3.FromColumns(bestU, bestW, normal));
    }

    private static OrientedBox BoxAround(Vec3[] points, Matrix3 axes)
    {
        Span<double> min = [double.MaxValue, double.MaxValue, double.MaxValue];
        Span<double> max = [double.MinValue, double.MinValue, double.MinValue];
        foreach (var p in points)
        {
            for (int k = 0; k < 3; k++)
            {
                double s = p.Dot(axes.Column(k));
                min[k] = Math.Min(min[k], s);
                max[k] = Math.Max(max[k], s);
            }
        }

        var centre = axes * new Vec3((min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2);
        return new OrientedBox(centre, axes, new Vec3(max[0] - min[0], max[1] - min[1], max[2] - min[2]));
    }

    /// <summary>Andrew's monotone chain: the hull ring counter-clockwise. Sorts <paramref name="points"/> in place.</summary>
    private static List<Vec2> ConvexHull2D(Vec2[] points)
    {
        var sorted = points;
        sorted.AsSpan().Sort(default(LexicographicOrder));
        var hull = new List<Vec2>(Math.Min(sorted.Length + 1, 64));
        foreach (var p in sorted)
        {
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) <= 0)
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(p);
        }

        int lower = hull.Count + 1;
        for (int i = sorted.Length - 2; i >= 0; i--)
        {
            var p = sorted[i];
            while (hull.Count >= lower && Cross(hull[^2], hull[^1], p) <= 0)
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(p);
        }

        hull.RemoveAt(hull.Count - 1);
        return hull;
    }

    private static double Cross(Vec2 o, Vec2 a, Vec2 b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
