using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// PyRadiomics "gradient" image type (SimpleITK GradientMagnitudeImageFilter): <c>√Σ_a (∂f/∂x_a)²</c> with central
/// differences <c>(f[i+1] − f[i−1]) / 2h_a</c>, h the spacing in mm (or 1 without spacing), and the edge voxel
/// repeated at the boundary (ITK's zero-flux Neumann condition) by default.
/// </summary>
public sealed record GradientMagnitudeSettings : FilterSettings
{
    /// <summary>Divide differences by the spacing in mm. Default true (PyRadiomics <c>gradientUseSpacing</c>).</summary>
    public bool UseSpacing { get; init; } = true;

    /// <summary>Default <see cref="BoundaryCondition.Nearest"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Nearest;

    /// <summary>Default <see cref="FilterDimensions.ThreeD"/>; 2D leaves out the z derivative.</summary>
    public FilterDimensions Dimensions { get; init; } = FilterDimensions.ThreeD;

    public override string ImageTypeName() => "gradient" + MeanSettings.DimensionSuffix(Dimensions);

    public override void Validate()
    {
        FilterInput.RequireDefined(Boundary, nameof(Boundary));
        FilterInput.RequireDefined(Dimensions, nameof(Dimensions));
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var sum = new double[voxels.Length];
        var derivative = new double[voxels.Length];
        int axes = Dimensions == FilterDimensions.ThreeD ? 3 : 2;
        for (int a = 0; a < axes; a++)
        {
            double h = UseSpacing ? geometry.Spacing[a] : 1;
            double[] kernel = [0.5 / h, 0, -0.5 / h];
            SeparableConvolution.Convolve(voxels, derivative, geometry.Size, a, kernel, Boundary);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(derivative, derivative, sum, sum);
        }

        System.Numerics.Tensors.TensorPrimitives.Sqrt(sum, sum);
        return sum;
    }
}
