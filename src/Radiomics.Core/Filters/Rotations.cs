namespace Radiomics.Filters;

/// <summary>
/// The right-handed rotations of the voxel grid that map it onto itself: the 24 rotations of the cube in 3D and
/// the 4 quarter turns about the z axis in 2D. A rotation sends axis <c>a</c> of the filter to axis
/// <c>Axes[a]</c> of the image, reversed when <c>Flips[a]</c>. IBSI 2 makes separable filters rotation invariant by
/// pooling the responses of all rotated kernels.
/// </summary>
internal readonly record struct GridRotation(int[] Axes, bool[] Flips)
{
    public static IReadOnlyList<GridRotation> All(FilterDimensions dimensions) =>
        dimensions == FilterDimensions.TwoD ? TwoD : ThreeD;

    private static readonly GridRotation[] ThreeD = Build(3);

    private static readonly GridRotation[] TwoD = Build(2);

    /// <summary>Kernels per image axis after rotating a filter whose axis <c>a</c> kernel is <paramref name="kernels"/>[a].</summary>
    public double[]?[] Apply(double[]?[] kernels)
    {
        var result = new double[]?[3];
        for (int a = 0; a < Axes.Length; a++)
        {
            var k = kernels[a];
            result[Axes[a]] = k is null ? null : Flips[a] ? k.Reverse().ToArray() : k;
        }

        for (int a = Axes.Length; a < 3; a++)
        {
            result[a] = kernels[a];
        }

        return result;
    }

    private static GridRotation[] Build(int dimensions)
    {
        var result = new List<GridRotation>();
        foreach (var perm in Permutations(dimensions))
        {
            for (int mask = 0; mask < 1 << dimensions; mask++)
            {
                var flips = new bool[dimensions];
                int sign = Parity(perm);
                for (int a = 0; a < dimensions; a++)
                {
                    flips[a] = (mask >> a & 1) == 1;
                    if (flips[a])
                    {
                        sign = -sign;
                    }
                }

                if (sign == 1)
                {
                    result.Add(new GridRotation(perm, flips));
                }
            }
        }

        return [.. result];
    }

    private static IEnumerable<int[]> Permutations(int n) => n == 2
        ? [[0, 1], [1, 0]]
        : [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    private static int Parity(int[] perm)
    {
        int inversions = 0;
        for (int i = 0; i < perm.Length; i++)
        {
            for (int j = i + 1; j < perm.Length; j++)
            {
                if (perm[i] > perm[j])
                {
                    inversions++;
                }
            }
        }

        return inversions % 2 == 0 ? 1 : -1;
    }
}
