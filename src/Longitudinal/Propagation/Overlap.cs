using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Propagation;

/// <summary>Agreement of two masks on one grid, e.g. a propagated mask against one drawn on the follow-up.</summary>
public static class Overlap
{
    /// <summary>Dice coefficient 2|A ∩ B| / (|A| + |B|) of the non-zero voxels; NaN when both masks are empty.</summary>
    /// <exception cref="GeometryMismatchException">The masks are on different grids.</exception>
    public static double Dice(LabelMap a, LabelMap b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Geometry.EnsureMatches(b.Geometry, "Dice of masks on different grids");
        var x = a.Voxels;
        var y = b.Voxels;
        long both = 0, sizes = 0;
        for (int i = 0; i < x.Length; i++)
        {
            bool inA = x[i] != 0, inB = y[i] != 0;
            both += inA && inB ? 1 : 0;
            sizes += (inA ? 1 : 0) + (inB ? 1 : 0);
        }

        return sizes == 0 ? double.NaN : 2.0 * both / sizes;
    }
}
