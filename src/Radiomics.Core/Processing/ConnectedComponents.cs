using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>Connected-component labelling of a region in a label map, with 6-, 18- or 26-connectivity.</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Labels the connected components of the voxels carrying <paramref name="label"/> (every non-zero label when
    /// null). Each voxel is visited once by a flood fill with an explicit stack, so the cost is linear in the image
    /// size times the number of neighbours.
    /// </summary>
    public static ComponentLabelling Label(LabelMap mask, Connectivity connectivity = Connectivity.Face, byte? label = null)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var neighbours = Neighbours(connectivity);
        var size = mask.Geometry.Size;
        int nx = size.X, ny = size.Y, nz = size.Z;
        var input = mask.Voxels;
        var labels = new int[mask.Geometry.VoxelCount];
        var sizes = new List<long>();
        var stack = new Stack<int>();
        int slice = nx * ny;
        for (int start = 0; start < input.Length; start++)
        {
            if (labels[start] != 0 || !Inside(input[start], label))
            {
                continue;
            }

            int component = sizes.Count + 1;
            long count = 0;
            labels[start] = component;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                count++;
                int z = v / slice, rem = v - (z * slice), y = rem / nx, x = rem - (y * nx);
                foreach (var o in neighbours)
                {
                    int xx = x + o.X, yy = y + o.Y, zz = z + o.Z;
                    if ((uint)xx >= (uint)nx || (uint)yy >= (uint)ny || (uint)zz >= (uint)nz)
                    {
                        continue;
                    }

                    int w = xx + (nx * (yy + (ny * zz)));
                    if (labels[w] == 0 && Inside(input[w], label))
                    {
                        labels[w] = component;
                        stack.Push(w);
                    }
                }
            }

            sizes.Add(count);
        }

        return new ComponentLabelling(new Image<int>(mask.Geometry, labels), [.. sizes], connectivity);
    }

    /// <summary>Number of connected components of the voxels carrying <paramref name="label"/> (any non-zero label when null).</summary>
    public static int Count(LabelMap mask, Connectivity connectivity = Connectivity.Face, byte? label = null) =>
        Label(mask, connectivity, label).Count;

    /// <summary>The neighbour offsets of a connectivity (the centre excluded).</summary>
    public static IReadOnlyList<Index3> Neighbours(Connectivity connectivity)
    {
        int maxNonZero = connectivity switch
        {
            Connectivity.Face => 1,
            Connectivity.Edge => 2,
            Connectivity.Vertex => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "Connectivity must be 6, 18 or 26."),
        };
        var result = new List<Index3>();
        for (int dz = -1; dz <= 1; dz++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nonZero = Math.Abs(dx) + Math.Abs(dy) + Math.Abs(dz);
                    if (nonZero > 0 && nonZero <= maxNonZero)
                    {
                        result.Add(new Index3(dx, dy, dz));
                    }
                }
            }
        }

        return result;
    }

    private static bool Inside(byte value, byte? label) => label is { } l ? value == l : value != 0;
}
