using System.Globalization;
using System.Numerics.Tensors;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// Laplacian of Gaussian (IBSI 2 L6PA): <c>∇²G_σ ∗ f</c>, with σ given in mm. As in IBSI 2, the kernel is sampled in
/// voxel units, <c>−(1/σ²)(1/(σ√2π))^d (d − ‖x‖²/σ²) exp(−‖x‖²/2σ²)</c>, on a cube of
/// <c>1 + 2·⌊truncation·σ + 0.5⌋</c> voxels, without normalisation.
/// </summary>
/// <remarks>
/// Computed separably: the Laplacian is a sum over axes of <c>g''</c> along one axis times <c>g</c> along the
/// others, which is exact for the truncated cube. On anisotropic grids each axis term is weighted by
/// <c>(h/spacing)²</c>, h the smallest filtered spacing, so the response is the physical Laplacian in units of h²
/// (on isotropic grids: exactly the IBSI voxel-unit response).
/// </remarks>
public sealed record LaplacianOfGaussianSettings : FilterSettings
{
    /// <summary>Scale σ in mm. Default 1 mm.</summary>
    public double Sigma { get; init; } = 1;

    /// <summary>Kernel truncation in units of σ. Default 4 (IBSI 2 phase 1 and 2).</summary>
    public double Truncation { get; init; } = 4;

    /// <summary>Default <see cref="BoundaryCondition.Mirror"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Mirror;

    /// <summary>Default <see cref="FilterDimensions.ThreeD"/>.</summary>
    public FilterDimensions Dimensions { get; init; } = FilterDimensions.ThreeD;

    /// <summary>Optional Riesz transform of the response (IBSI 2 tests 9.x), orders per axis (x, y, z); null for none.</summary>
    public RieszOrder? Riesz { get; init; }

    public override string ImageTypeName() => string.Create(
        CultureInfo.InvariantCulture,
        $"log-sigma-{Sigma:G6}mm{MeanSettings.DimensionSuffix(Dimensions)}{Riesz?.Suffix}");

    public override void Validate()
    {
        FilterInput.RequirePositive(Sigma, nameof(Sigma));
        FilterInput.RequirePositive(Truncation, nameof(Truncation));
        FilterInput.RequireDefined(Boundary, nameof(Boundary));
        FilterInput.RequireDefined(Dimensions, nameof(Dimensions));
        Riesz?.Validate(Dimensions);
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        if (Riesz is { } order)
        {
            return RieszTransform.OfKernel(voxels, geometry, Kernels(geometry), Boundary, Dimensions, order);
        }

        var size = geometry.Size;
        var terms = Kernels(geometry);
        double[]? result = null;
        foreach (var (weight, kernels) in terms)
        {
            var term = SeparableConvolution.Apply(voxels, size, kernels, Boundary);
            if (result is null)
            {
                TensorPrimitives.Multiply(term, weight, term);
                result = term;
            }
            else
            {
                TensorPrimitives.MultiplyAdd(term, weight, result, result);
            }
        }

        return result!;
    }

    /// <summary>The separable terms <c>(weight, kernel per axis)</c> whose sum is the LoG kernel.</summary>
    internal List<(double Weight, double[]?[] Kernels)> Kernels(ImageGeometry geometry)
    {
        int axes = Dimensions == FilterDimensions.ThreeD ? 3 : 2;
        double h = double.PositiveInfinity;
        for (int a = 0; a < axes; a++)
        {
            h = Math.Min(h, geometry.Spacing[a]);
        }

        var g = new double[3][];
        var d2 = new double[3][];
        for (int a = 0; a < axes; a++)
        {
            double s = Sigma / geometry.Spacing[a];
            g[a] = GaussianKernel.Gaussian(s, Truncation);
            d2[a] = GaussianKernel.SecondDerivative(s, Truncation);
        }

        var terms = new List<(double, double[]?[])>();
        for (int term = 0; term < axes; term++)
        {
            var kernels = new double[]?[3];
            for (int a = 0; a < axes; a++)
            {
                kernels[a] = a == term ? d2[a] : g[a];
            }

            double ratio = h / geometry.Spacing[term];
            terms.Add((ratio * ratio, kernels));
        }

        return terms;
    }
}
