using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>Mean filter (IBSI 2 S60F): the average over a cube (3D) or square (2D) of <see cref="Support"/> voxels a side.</summary>
public sealed record MeanSettings : FilterSettings
{
    /// <summary>Filter support M in voxels (odd). Default 3.</summary>
    public int Support { get; init; } = 3;

    /// <summary>Default <see cref="BoundaryCondition.Mirror"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Mirror;

    /// <summary>Default <see cref="FilterDimensions.ThreeD"/>.</summary>
    public FilterDimensions Dimensions { get; init; } = FilterDimensions.ThreeD;

    public override string ImageTypeName() => $"mean-{Support}{DimensionSuffix(Dimensions)}";

    public override void Validate()
    {
        if (Support < 1 || Support % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Support), Support, "The mean filter support must be an odd number of voxels (1, 3, 5, ...).");
        }

        FilterInput.RequireDefined(Boundary, nameof(Boundary));
        FilterInput.RequireDefined(Dimensions, nameof(Dimensions));
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var kernel = new double[Support];
        Array.Fill(kernel, 1.0 / Support);
        var kernels = new[] { kernel, kernel, Dimensions == FilterDimensions.ThreeD ? kernel : null };
        return SeparableConvolution.Apply(voxels, geometry.Size, kernels, Boundary);
    }

    internal static string DimensionSuffix(FilterDimensions dimensions) => dimensions == FilterDimensions.TwoD ? "-2d" : "";
}
