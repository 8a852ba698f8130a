namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' <c>shape2D</c> class: needs force2D and an ROI one slice thick in the force2D dimension.</summary>
/// <remarks>
/// The contour is marching squares through pixel-edge midpoints (as PyRadiomics'), perimeter its length, MeshSurface
/// its enclosed area; diameters and axes as in <see cref="PyRadiomicsShape"/>, in the plane.
/// </remarks>
internal static class PyRadiomicsShape2D
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsVolume v, PyRadiomicsSettings s)
    {
        if (!s.Force2D)
        {
            throw new InvalidInputException("shape2D needs force2D: true.");
        }

        if (v.Size[s.Force2DDimension] > 1)
        {
            throw new InvalidInputException($"shape2D needs an ROI one voxel thick in dimension {s.Force2DDimension}; it spans {v.Size[s.Force2DDimension]}.");
        }

        var axes = new[] { 0, 1, 2 }.Where(a => a != s.Force2DDimension).ToArray();
        double[] sp = [v.Spacing.Z, v.Spacing.Y, v.Spacing.X];
        int h = v.Size[axes[0]] + 2, w = v.Size[axes[1]] + 2;
        double sy = sp[axes[0]], sx = sp[axes[1]];
        var grid = new bool[h, w];
        var points = new List<(double Y, double X)>();
        for (int i = 0; i < v.Count; i++)
        {
            if (!v.Mask[i])
            {
                continue;
            }

            int z = i / (v.Size[1] * v.Size[2]), y = i / v.Size[2] % v.Size[1], x = i % v.Size[2];
            int[] idx = [z, y, x];
            grid[idx[axes[0]] + 1, idx[axes[1]] + 1] = true;
            points.Add(((idx[axes[0]] + 1) * sy, (idx[axes[1]] + 1) * sx));
        }

        double perimeter = 0, area = 0;
        var vertices = new HashSet<(int, int)>();
        for (int y = 0; y < h - 1; y++)
        {
            for (int x = 0; x < w - 1; x++)
            {
                // Corners p0 (y, x), p1 (y, x+1), p2 (y+1, x+1), p3 (y+1, x); edge midpoints in half-pixel units.
                bool[] c = [grid[y, x], grid[y, x + 1], grid[y + 1, x + 1], grid[y + 1, x]];
                (int Y, int X)[] mid = [((2 * y), (2 * x) + 1), ((2 * y) + 1, (2 * x) + 2), ((2 * y) + 2, (2 * x) + 1), ((2 * y) + 1, (2 * x))];
                foreach (var (a, b) in Segments(c))
                {
                    var p = mid[a];
                    var q = mid[b];
                    vertices.Add(p);
                    vertices.Add(q);
                    double ay = p.Y * sy / 2, ax = p.X * sx / 2, by = q.Y * sy / 2, bx = q.X * sx / 2;
                    perimeter += Math.Sqrt(((ay - by) * (ay - by)) + ((ax - bx) * (ax - bx)));
                    area += (ax * by) - (bx * ay);
                }
            }
        }

        area = Math.Abs(area) / 2;
        var vs = vertices.Select(p => (Y: p.Item1 * sy / 2, X: p.Item2 * sx / 2)).ToArray();
        double diameter = 0;
        for (int a = 0; a < vs.Length; a++)
        {
            for (int b = a + 1; b < vs.Length; b++)
            {
                diameter = Math.Max(diameter, ((vs[a].Y - vs[b].Y) * (vs[a].Y - vs[b].Y)) + ((vs[a].X - vs[b].X) * (vs[a].X - vs[b].X)));
            }
        }

        double n = points.Count, my = points.Average(p => p.Y), mx = points.Average(p => p.X);
        double cyy = points.Sum(p => (p.Y - my) * (p.Y - my)) / n, cxx = points.Sum(p => (p.X - mx) * (p.X - mx)) / n, cxy = points.Sum(p => (p.Y - my) * (p.X - mx)) / n;
        double tr = cyy + cxx, det = (cyy * cxx) - (cxy * cxy), disc = Math.Sqrt(Math.Max(0, (tr * tr / 4) - det));
        double major = (tr / 2) + disc, minor = Math.Max(0, (tr / 2) - disc);
        double sphericity = 2 * Math.Sqrt(Math.PI * area) / perimeter;
        yield return ("Elongation", Math.Sqrt(minor / major));
        yield return ("MajorAxisLength", Math.Sqrt(major) * 4);
        yield return ("MaximumDiameter", Math.Sqrt(diameter));
        yield return ("MeshSurface", area);
        yield return ("MinorAxisLength", Math.Sqrt(minor) * 4);
        yield return ("Perimeter", perimeter);
        yield return ("PerimeterSurfaceRatio", perimeter / area);
        yield return ("PixelSurface", n * sy * sx);
        yield return ("SphericalDisproportion", 1 / sphericity);
        yield return ("Sphericity", sphericity);
    }

    /// <summary>Contour segments of one cell (edge indices), oriented with the ROI on the left; both diagonal cases keep the ROI corners apart.</summary>
    private static IEnumerable<(int, int)> Segments(bool[] c)
    {
        // Walk the four edges; an edge whose corners differ is crossed. Pair crossings corner by corner.
        for (int k = 0; k < 4; k++)
        {
            if (!c[k])
            {
                continue;
            }

            // ROI corner k: the contour passes from the edge before it (k−1) to the edge after it (k), cutting the corner,
            // unless the neighbour corners are inside too.
            bool prev = c[(k + 3) % 4], next = c[(k + 1) % 4];
            if (!prev && !next)
            {
                yield return (k, (k + 3) % 4);
            }
            else if (!prev && next && !c[(k + 2) % 4])
            {
                yield return ((k + 1) % 4, (k + 3) % 4);
            }
            else if (!prev && next && c[(k + 2) % 4])
            {
                yield return ((k + 2) % 4, (k + 3) % 4);
            }
        }
    }
}
