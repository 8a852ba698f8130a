using System.Globalization;
using System.Numerics.Tensors;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>Gaussian smoothing (IBSI 2 Gaussian filter) with σ in millimetres, converted to voxels per axis.</summary>
public sealed record GaussianSettings : FilterSettings
{
    /// <summary>Standard deviation σ in mm, the same along every filtered axis. Default 1 mm.</summary>
    public double Sigma { get; init; } = 1;

    /// <summary>Kernel truncation in units of σ: the support is <c>1 + 2·⌊truncation·σ/spacing + 0.5⌋</c> voxels. Default 4.</summary>
    public double Truncation { get; init; } = 4;

    /// <summary>Default <see cref="BoundaryCondition.Mirror"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Mirror;

    /// <summary>Default <see cref="FilterDimensions.ThreeD"/>.</summary>
    public FilterDimensions Dimensions { get; init; } = FilterDimensions.ThreeD;

    public override string ImageTypeName() => string.Create(CultureInfo.InvariantCulture, $"gaussian-sigma-{Sigma:G6}mm{MeanSettings.DimensionSuffix(Dimensions)}");

    public override void Validate()
    {
        FilterInput.RequirePositive(Sigma, nameof(Sigma));
        FilterInput.RequirePositive(Truncation, nameof(Truncation));
        FilterInput.RequireDefined(Boundary, nameof(Boundary));
        FilterInput.RequireDefined(Dimensions, nameof(Dimensions));
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var sigma = new Vec3(Sigma, Sigma, Dimensions == FilterDimensions.ThreeD ? Sigma : 0);
        return Gaussian.Smooth(voxels, geometry, sigma, Truncation, Boundary);
    }
}

/// <summary>Separable Gaussian smoothing with a σ per axis, for pyramids and preprocessing as well as IBSI filtering.</summary>
public static class Gaussian
{
    /// <summary>
    /// Smooths <paramref name="image"/> with standard deviations <paramref name="sigmaMm"/> (mm, per image axis; 0
    /// leaves an axis unsmoothed). Kernels are sampled in voxel units, truncated at
    /// <paramref name="truncation"/>·σ and normalised to sum 1 so that the mean intensity is kept.
    /// </summary>
    public static Image<double> Smooth(Image<double> image, Vec3 sigmaMm, double truncation = 4, BoundaryCondition boundary = BoundaryCondition.Mirror)
    {
        var voxels = FilterInput.Voxels(image);
        for (int a = 0; a < 3; a++)
        {
            if (!double.IsFinite(sigmaMm[a]) || sigmaMm[a] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sigmaMm), sigmaMm, "Every σ must be finite and not negative.");
            }
        }

        FilterInput.RequirePositive(truncation, nameof(truncation));
        FilterInput.RequireDefined(boundary, nameof(boundary));
        return new Image<double>(image.Geometry, Smooth(voxels, image.Geometry, sigmaMm, truncation, boundary));
    }

    internal static double[] Smooth(double[] voxels, ImageGeometry geometry, Vec3 sigmaMm, double truncation, BoundaryCondition boundary)
    {
        var kernels = new double[]?[3];
        for (int a = 0; a < 3; a++)
        {
            if (sigmaMm[a] > 0 && geometry.Size[a] > 1)
            {
                var k = GaussianKernel.Gaussian(sigmaMm[a] / geometry.Spacing[a], truncation);
                TensorPrimitives.Multiply(k, 1.0 / TensorPrimitives.Sum<double>(k), k);
                kernels[a] = k;
            }
        }

        return SeparableConvolution.Apply(voxels, geometry.Size, kernels, boundary);
    }
}
