namespace Radiomics.Filters;

/// <summary>
/// How a filter sees the image beyond its edges (IBSI 2, "boundary conditions"). The image is padded by as many
/// voxels as the kernel reaches, so a response map keeps the size of the image.
/// </summary>
public enum BoundaryCondition
{
    /// <summary>Constant value padding with zero (IBSI "constant"; scipy <c>constant</c>).</summary>
    Zero,

    /// <summary>Nearest value padding: the edge voxel repeats (scipy <c>nearest</c>).</summary>
    Nearest,

    /// <summary>Periodic padding: the image wraps around (scipy <c>wrap</c>).</summary>
    Periodic,

    /// <summary>Mirror padding about the edge, the edge voxel included: d c b a | a b c d | d c b a (scipy <c>reflect</c>).</summary>
    Mirror,
}

/// <summary>Index arithmetic of the boundary conditions.</summary>
public static class BoundaryConditions
{
    /// <summary>
    /// The voxel index that a position <paramref name="i"/> (possibly outside <c>[0, n)</c>) reads under the
    /// boundary condition, or -1 when it reads zero.
    /// </summary>
    public static int Map(int i, int n, BoundaryCondition boundary)
    {
        if ((uint)i < (uint)n)
        {
            return i;
        }

        switch (boundary)
        {
            case BoundaryCondition.Zero:
                return -1;
            case BoundaryCondition.Nearest:
                return i < 0 ? 0 : n - 1;
            case BoundaryCondition.Periodic:
                {
                    int m = i % n;
                    return m < 0 ? m + n : m;
                }

            case BoundaryCondition.Mirror:
                {
                    int period = 2 * n;
                    int m = i % period;
                    if (m < 0)
                    {
                        m += period;
                    }

                    return m < n ? m : period - 1 - m;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(boundary), boundary, null);
        }
    }
}
