using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Grey levels of a <see cref="LocalGlcmFeatures.LevelGrid"/> padded by the kernel's half-widths on every side (0 beyond
/// the image), so that a kernel reads the (2r + 1)² × (2r_z + 1) voxels of its box at fixed offsets from its corner
/// without bounds checks. The grid is the region's bounding box plus the kernel margin, so the copy is small.
/// </summary>
internal sealed class PaddedLevels
{
    /// <param name="grid">The grey levels.</param>
    /// <param name="margin">The kernel's half-widths (r, r, r_z).</param>
    public PaddedLevels(LocalGlcmFeatures.LevelGrid grid, Index3 margin)
    {
        int w = (2 * margin.X) + 1, wz = (2 * margin.Z) + 1;
        var size = grid.Size;
        _strideY = size.X + (2 * margin.X);
        _strideZ = _strideY * (size.Y + (2 * margin.Y));
        Levels = new int[_strideZ * (size.Z + (2 * margin.Z))];
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                grid.Levels.AsSpan(size.X * (y + (size.Y * z)), size.X)
                    .CopyTo(Levels.AsSpan(margin.X + (_strideY * (y + margin.Y)) + (_strideZ * (z + margin.Z))));
            }
        }

        BoxOffsets = new int[w * w * wz];
        for (int i = 0; i < BoxOffsets.Length; i++)
        {
            BoxOffsets[i] = (i % w) + (_strideY * (i / w % w)) + (_strideZ * (i / (w * w)));
        }
    }

    private readonly int _strideY;
    private readonly int _strideZ;

    public int[] Levels { get; }

    /// <summary>Offset from the box's corner of box position i = kx + w·(ky + w·kz).</summary>
    public int[] BoxOffsets { get; }

    /// <summary>Index in <see cref="Levels"/> of the corner of the box centred on image voxel (x, y, z) (the padding is the half-widths).</summary>
    public int Corner(int x, int y, int z) => x + (_strideY * y) + (_strideZ * z);
}
