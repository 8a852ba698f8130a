namespace Radiomics.Features.Texture;

/// <summary>Building grey level co-occurrence matrices (IBSI 3.6): symmetric counts of level pairs one offset apart.</summary>
public static class GlcmMatrix
{
    /// <summary>
    /// Adds to <paramref name="counts"/> (N_g × N_g, row-major) every pair of ROI voxels (level &gt; 0) at
    /// <paramref name="offset"/> within slices [<paramref name="zFrom"/>, <paramref name="zTo"/>) of a grid of
    /// <paramref name="size"/>, in both orders. Allocation-free, for whole ROIs and for the small boxes of voxel maps.
    /// </summary>
    /// <returns>The number of ROI voxels in the scope.</returns>
    public static long Accumulate(ReadOnlySpan<int> levels, Imaging.Size3 size, VoxelOffset offset, int zFrom, int zTo, Span<double> counts, int greyLevels)
    {
        int nx = size.X, ny = size.Y;
        int dx = offset.X, dy = offset.Y, dz = offset.Z;
        int step = dx + (nx * (dy + (ny * dz)));
        int x0 = Math.Max(0, -dx), x1 = Math.Min(nx, nx - dx);
        int y0 = Math.Max(0, -dy), y1 = Math.Min(ny, ny - dy);
        int z0 = Math.Max(zFrom, zFrom - dz), z1 = Math.Min(zTo, zTo - dz);
        long voxels = 0;
        for (int z = zFrom; z < zTo; z++)
        {
            bool zOk = z >= z0 && z < z1;
            for (int y = 0; y < ny; y++)
            {
                int row = nx * (y + (ny * z));
                bool rowOk = zOk && y >= y0 && y < y1;
                for (int x = 0; x < nx; x++)
                {
                    int a = levels[row + x];
                    if (a == 0)
                    {
                        continue;
                    }

                    voxels++;
                    if (!rowOk || x < x0 || x >= x1)
                    {
                        continue;
                    }

                    int b = levels[row + x + step];
                    if (b != 0)
                    {
                        counts[((a - 1) * greyLevels) + b - 1]++;
                        counts[((b - 1) * greyLevels) + a - 1]++;
                    }
                }
            }
        }

        return voxels;
    }
}
