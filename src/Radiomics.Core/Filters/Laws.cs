using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// Laws texture kernels (IBSI 2 JTXT): a separable filter built from one 1D kernel per axis (e.g. "E5L5S5": E5
/// along x, L5 along y, S5 along z; two kernels make a 2D filter), each normalised to unit L2 norm, optionally
/// made rotation invariant by pooling over the right-angle rotations of the grid and then turned into an energy
/// map: the mean of the absolute response over a (2δ+1)-voxel cube or square.
/// </summary>
public sealed record LawsSettings : FilterSettings
{
    /// <summary>Kernel combination, x first, from L3, E3, S3, L5, E5, S5, W5, R5. Default "L5E5E5".</summary>
    public string Kernel { get; init; } = "L5E5E5";

    /// <summary>Pool the responses of all right-angle rotations. Default false.</summary>
    public bool RotationInvariant { get; init; }

    /// <summary>How rotated responses are pooled. Default <see cref="Filters.Pooling.Max"/> (IBSI 2 tests 3.x).</summary>
    public Pooling Pooling { get; init; } = Pooling.Max;

    /// <summary>Compute the energy map. Default false.</summary>
    public bool Energy { get; init; }

    /// <summary>Chebyshev distance δ of the energy window (support 2δ+1 voxels). Default 7.</summary>
    public int EnergyDistance { get; init; } = 7;

    /// <summary>Boundary condition of the filter and of the energy window. Default <see cref="BoundaryCondition.Mirror"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Mirror;

    /// <summary>2D when <see cref="Kernel"/> names two kernels.</summary>
    internal FilterDimensions Dimensions => Kernel.Length == 4 ? FilterDimensions.TwoD : FilterDimensions.ThreeD;

    public override string ImageTypeName() =>
        $"laws-{Kernel.ToLowerInvariant()}{(RotationInvariant ? "-invariant" : "")}{(Energy ? $"-energy-{EnergyDistance}" : "")}";

    public override void Validate()
    {
        if (Kernel is null || (Kernel.Length != 4 && Kernel.Length != 6))
        {
            throw new ArgumentException($"The Laws kernel '{Kernel}' must name two (2D) or three (3D) kernels, e.g. L5E5 or E5L5S5.", nameof(Kernel));
        }

        for (int i = 0; i < Kernel.Length; i += 2)
        {
            _ = OneDimensional(Kernel.Substring(i, 2));
        }

        if (EnergyDistance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EnergyDistance), EnergyDistance, "The energy distance δ must not be negative.");
        }

        FilterInput.RequireDefined(Pooling, nameof(Pooling));
        FilterInput.RequireDefined(Boundary, nameof(Boundary));
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var kernels = new double[]?[3];
        for (int a = 0; a < Kernel.Length / 2; a++)
        {
            kernels[a] = OneDimensional(Kernel.Substring(2 * a, 2));
        }

        var sets = RotationInvariant ? Pool.Distinct(GridRotation.All(Dimensions).Select(r => r.Apply(kernels))) : [kernels];
        var pool = new Pool(Pooling);
        foreach (var set in sets)
        {
            pool.Add(SeparableConvolution.Apply(voxels, geometry.Size, set, Boundary));
        }

        var response = pool.Result();
        if (!Energy)
        {
            return response;
        }

        for (int i = 0; i < response.Length; i++)
        {
            response[i] = Math.Abs(response[i]);
        }

        int support = 2 * EnergyDistance + 1;
        var box = new double[support];
        Array.Fill(box, 1.0 / support);
        return SeparableConvolution.Apply(response, geometry.Size, [box, box, Dimensions == FilterDimensions.ThreeD ? box : null], Boundary);
    }

    /// <summary>The named 1D Laws kernel, normalised to unit L2 norm.</summary>
    private static double[] OneDimensional(string name)
    {
        double[] k = name.ToUpperInvariant() switch
        {
            "L3" => [1, 2, 1],
            "E3" => [-1, 0, 1],
            "S3" => [-1, 2, -1],
            "L5" => [1, 4, 6, 4, 1],
            "E5" => [-1, -2, 0, 2, 1],
            "S5" => [-1, 0, 2, 0, -1],
            "W5" => [-1, 2, 0, -2, 1],
            "R5" => [1, -4, 6, -4, 1],
            _ => throw new ArgumentException($"Unknown Laws kernel '{name}'; known: L3, E3, S3, L5, E5, S5, W5, R5.", nameof(Kernel)),
        };
        double norm = Math.Sqrt(k.Sum(v => v * v));
        return k.Select(v => v / norm).ToArray();
    }
}
