namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// The neighbour offsets PyRadiomics' texture matrices use (its <c>generate_angles</c>): every offset whose infinity
/// norm is one of the distances, in the order PyRadiomics generates them (from +d to −d in each dimension), offsets that
/// do not fit in the array or leave the slice under force2D dropped. Mono-directional sets keep the first half.
/// </summary>
/// <remarks>
/// Difference from IBSI: IBSI fixes the 13 (3D) or 4 (2D) directions of the Chebyshev distance 1; PyRadiomics also
/// drops directions that cannot fit in the ROI's bounding box (a one-slice ROI loses the 9 out-of-plane directions in
/// 3D), which changes the averages over directions.
/// </remarks>
internal static class PyRadiomicsAngles
{
    /// <param name="size">Array size (z, y, x).</param>
    /// <param name="distances">Distances (≥ 1).</param>
    /// <param name="bidirectional">Whether to keep both an offset and its opposite.</param>
    /// <param name="force2DDimension">The out-of-plane dimension, or −1 for 3D.</param>
    public static int[][] Generate(int[] size, IReadOnlyList<int> distances, bool bidirectional, int force2DDimension)
    {
        int count = 0;
        foreach (var d in distances)
        {
            long all = 1, inner = 1;
            for (int dim = 0; dim < 3; dim++)
            {
                if (dim == force2DDimension)
                {
                    continue;
                }

                if (d < size[dim])
                {
                    all *= (2 * d) + 1;
                    inner *= (2 * d) - 1;
                }
                else
                {
                    all *= (2 * (size[dim] - 1)) + 1;
                    inner *= (2 * (size[dim] - 1)) + 1;
                }
            }

            count += (int)(all - inner);
        }

        if (!bidirectional)
        {
            count /= 2;
        }

        int max = distances.Max();
        int n = (2 * max) + 1;
        var angles = new List<int[]>(count);
        for (int code = 0; angles.Count < count && code < n * n * n; code++)
        {
            var offset = new[] { max - (code / (n * n) % n), max - (code / n % n), max - (code % n) };
            int norm = 0;
            bool valid = true;
            for (int dim = 0; dim < 3; dim++)
            {
                int o = offset[dim];
                if ((dim == force2DDimension && o != 0) || o >= size[dim] || o <= -size[dim])
                {
                    valid = false;
                    break;
                }

                norm = Math.Max(norm, Math.Abs(o));
            }

            if (valid && norm >= 1 && distances.Contains(norm))
            {
                angles.Add(offset);
            }
        }

        return [.. angles];
    }
}
