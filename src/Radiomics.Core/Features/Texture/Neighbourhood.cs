namespace Radiomics.Features.Texture;

/// <summary>
/// Visits, for each ROI voxel of a scope, the ROI voxels within Chebyshev distance δ (the centre excluded): in the
/// slice plane for 2D, in the volume for 3D. The neighbourhood of NGTDM and NGLDM (IBSI 3.10, 3.11).
/// </summary>
internal static class Neighbourhood
{
    /// <summary>Calls <paramref name="visit"/>(centre level, neighbour levels) for every ROI voxel in the scope.</summary>
    public static void ForEach(DiscretisedVolume roi, TextureScope scope, int delta, NeighbourVisitor visit)
    {
        var levels = roi.Levels;
        int nx = roi.Size.X, ny = roi.Size.Y, plane = nx * ny;
        int dzMax = scope.Planar ? 0 : delta;
        Span<int> neighbours = stackalloc int[((2 * delta) + 1) * ((2 * delta) + 1) * ((2 * dzMax) + 1)];
        for (int z = scope.ZFrom; z < scope.ZTo; z++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++)
                {
                    int level = levels[x + (nx * y) + (plane * z)];
                    if (level == 0)
                    {
                        continue;
                    }

                    int count = 0;
                    for (int dz = -dzMax; dz <= dzMax; dz++)
                    {
                        int az = z + dz;
                        if (az < scope.ZFrom || az >= scope.ZTo)
                        {
                            continue;
                        }

                        for (int dy = -delta; dy <= delta; dy++)
                        {
                            int ay = y + dy;
                            if ((uint)ay >= (uint)ny)
                            {
                                continue;
                            }

                            for (int dx = -delta; dx <= delta; dx++)
                            {
                                int ax = x + dx;
                                if ((uint)ax >= (uint)nx || (dx | dy | dz) == 0)
                                {
                                    continue;
                                }

                                int l = levels[ax + (nx * ay) + (plane * az)];
                                if (l != 0)
                                {
                                    neighbours[count++] = l;
                                }
                            }
                        }
                    }

                    visit(level, neighbours[..count]);
                }
            }
        }
    }

    public delegate void NeighbourVisitor(int level, ReadOnlySpan<int> neighbours);
}
