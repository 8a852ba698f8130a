namespace Radiomics.Features.Texture;

/// <summary>
/// The GLDZM distance map (IBSI 3.9): for each voxel of the morphological mask, the number of 6-connected (3D) or
/// 4-connected in-slice (2D) steps to the nearest voxel outside the mask, 1 on the ROI edge; the same as counting
/// the iterative erosions a voxel survives. Outside the grid counts as outside the mask.
/// </summary>
internal static class BorderDistance
{
    public static int[] Compute(DiscretisedVolume roi, TextureScope scope)
    {
        var mask = roi.MorphologicalMask;
        int nx = roi.Size.X, ny = roi.Size.Y, plane = nx * ny;
        var distance = new int[roi.Levels.Length];
        var queue = new Queue<int>();
        ReadOnlySpan<(int X, int Y, int Z)> steps = [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)];
        int stepCount = scope.Planar ? 4 : 6;
        for (int z = scope.ZFrom; z < scope.ZTo; z++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++)
                {
                    int v = x + (nx * y) + (plane * z);
                    if (!mask[v])
                    {
                        continue;
                    }

                    for (int s = 0; s < stepCount; s++)
                    {
                        if (!Inside(mask, roi, scope, x + steps[s].X, y + steps[s].Y, z + steps[s].Z))
                        {
                            distance[v] = 1;
                            queue.Enqueue(v);
                            break;
                        }
                    }
                }
            }
        }

        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            int x = v % nx, y = v / nx % ny, z = v / plane;
            for (int s = 0; s < stepCount; s++)
            {
                int ax = x + steps[s].X, ay = y + steps[s].Y, az = z + steps[s].Z;
                if (Inside(mask, roi, scope, ax, ay, az))
                {
                    int w = ax + (nx * ay) + (plane * az);
                    if (distance[w] == 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }
                }
            }
        }

        return distance;
    }

    private static bool Inside(ReadOnlySpan<bool> mask, DiscretisedVolume roi, TextureScope scope, int x, int y, int z) =>
        (uint)x < (uint)roi.Size.X && (uint)y < (uint)roi.Size.Y && z >= scope.ZFrom && z < scope.ZTo && mask[roi.Index(x, y, z)];
}
