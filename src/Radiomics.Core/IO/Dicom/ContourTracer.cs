namespace Radiomics.IO.Dicom;

/// <summary>
/// The closed contours of one label on one slice, along voxel edges: every edge between a voxel of the label and one
/// outside it (or the image border) belongs to exactly one loop. Combined even-odd, with a voxel inside when its centre
/// is inside (as <see cref="ContourRasteriser"/> and DICOM RT readers rasterise), the loops give back exactly the
/// voxels of the label: centres never lie on an edge, and crossing parity depends only on the set of edges, not on how
/// they are joined into loops. Points are voxel corners (x − 0.5, y − 0.5) in continuous index units; collinear points
/// are dropped.
/// </summary>
internal static class ContourTracer
{
    public static List<List<(double X, double Y)>> Trace(ReadOnlySpan<byte> slice, int nx, int ny, byte label)
    {
        // Directed edges with the label on their right in index space (x right, y down): top, right, bottom, left.
        var from = new List<int>();
        var to = new List<int>();
        int stride = nx + 1;
        for (int y = 0; y < ny; y++)
        {
            for (int x = 0; x < nx; x++)
            {
                if (slice[x + nx * y] != label)
                {
                    continue;
                }

                int tl = x + stride * y, tr = tl + 1, bl = tl + stride, br = bl + 1;
                if (!Inside(slice, nx, ny, x, y - 1, label))
                {
                    from.Add(tl);
                    to.Add(tr);
                }

                if (!Inside(slice, nx, ny, x + 1, y, label))
                {
                    from.Add(tr);
                    to.Add(br);
                }

                if (!Inside(slice, nx, ny, x, y + 1, label))
                {
                    from.Add(br);
                    to.Add(bl);
                }

                if (!Inside(slice, nx, ny, x - 1, y, label))
                {
                    from.Add(bl);
                    to.Add(tl);
                }
            }
        }

        var outgoing = new Dictionary<int, List<int>>();
        for (int e = 0; e < from.Count; e++)
        {
            if (!outgoing.TryGetValue(from[e], out var list))
            {
                outgoing[from[e]] = list = [];
            }

            list.Add(e);
        }

        var used = new bool[from.Count];
        var loops = new List<List<(double, double)>>();
        for (int start = 0; start < from.Count; start++)
        {
            if (used[start])
            {
                continue;
            }

            var corners = new List<int> { from[start] };
            int e = start;
            used[e] = true;
            while (to[e] != from[start])
            {
                corners.Add(to[e]);
                int next = -1;
                foreach (int candidate in outgoing[to[e]])
                {
                    if (!used[candidate])
                    {
                        next = candidate;
                        break;
                    }
                }

                if (next < 0)
                {
                    break; // cannot happen: every corner has as many edges in as out
                }

                e = next;
                used[e] = true;
            }

            loops.Add(Simplify(corners, stride));
        }

        return loops;
    }

    private static bool Inside(ReadOnlySpan<byte> slice, int nx, int ny, int x, int y, byte label) =>
        x >= 0 && y >= 0 && x < nx && y < ny && slice[x + (nx * y)] == label;

    private static List<(double X, double Y)> Simplify(List<int> corners, int stride)
    {
        var points = new List<(double X, double Y)>(corners.Count);
        int n = corners.Count;
        for (int i = 0; i < n; i++)
        {
            int prev = corners[(i + n - 1) % n], cur = corners[i], next = corners[(i + 1) % n];
            int dx1 = (cur % stride) - (prev % stride), dy1 = (cur / stride) - (prev / stride);
            int dx2 = (next % stride) - (cur % stride), dy2 = (next / stride) - (cur / stride);
            if ((dx1 * dy2) - (dy1 * dx2) != 0 || (dx1 * dx2) + (dy1 * dy2) < 0)
            {
                points.Add(((cur % stride) - 0.5, (cur / stride) - 0.5));
            }
        }

        return points;
    }
}
