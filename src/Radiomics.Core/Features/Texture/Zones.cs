namespace Radiomics.Features.Texture;

/// <summary>One zone: a connected group of ROI voxels sharing a grey level.</summary>
/// <param name="Level">Grey level 1..N_g.</param>
/// <param name="Size">Number of voxels.</param>
/// <param name="Distance">Smallest value of the given per-voxel map over the zone (the GLDZM distance to the ROI edge); 0 without a map.</param>
internal readonly record struct Zone(int Level, int Size, int Distance);

/// <summary>
/// Connected components of equal grey level within a scope (IBSI 3.8): 26-connected in 3D, 8-connected within the
/// slice in 2D, found by an explicit-stack flood fill.
/// </summary>
internal static class Zones
{
    public static List<Zone> Find(DiscretisedVolume roi, TextureScope scope, int[]? distanceMap = null)
    {
        var levels = roi.Levels;
        int nx = roi.Size.X, ny = roi.Size.Y, plane = nx * ny;
        int start = scope.ZFrom * plane, end = scope.ZTo * plane;
        var visited = new bool[end - start];
        var stack = new Stack<int>();
        var zones = new List<Zone>();
        int dzMax = scope.Planar ? 0 : 1;
        for (int v = start; v < end; v++)
        {
            int level = levels[v];
            if (level == 0 || visited[v - start])
            {
                continue;
            }

            int size = 0, distance = int.MaxValue;
            visited[v - start] = true;
            stack.Push(v);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                size++;
                if (distanceMap is not null)
                {
                    distance = Math.Min(distance, distanceMap[u]);
                }

                int ux = u % nx, uy = u / nx % ny, uz = u / plane;
                for (int dz = -dzMax; dz <= dzMax; dz++)
                {
                    int z = uz + dz;
                    if (z < scope.ZFrom || z >= scope.ZTo)
                    {
                        continue;
                    }

                    for (int dy = -1; dy <= 1; dy++)
                    {
                        int y = uy + dy;
                        if ((uint)y >= (uint)ny)
                        {
                            continue;
                        }

                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int x = ux + dx;
                            if ((uint)x >= (uint)nx)
                            {
                                continue;
                            }

                            int w = x + (nx * y) + (plane * z);
                            if (!visited[w - start] && levels[w] == level)
                            {
                                visited[w - start] = true;
                                stack.Push(w);
                            }
                        }
                    }
                }
            }

            zones.Add(new Zone(level, size, distanceMap is null ? 0 : distance));
        }

        return zones;
    }

    /// <summary>The number of ROI voxels (intensity mask) in <paramref name="scope"/>.</summary>
    public static int CountVoxels(DiscretisedVolume roi, TextureScope scope)
    {
        int plane = roi.Size.X * roi.Size.Y;
        int count = 0;
        foreach (var l in roi.Levels[(scope.ZFrom * plane)..(scope.ZTo * plane)])
        {
            count += l != 0 ? 1 : 0;
        }

        return count;
    }
}
