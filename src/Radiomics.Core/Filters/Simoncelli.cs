using Radiomics.Numerics;
using System.Globalization;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// Simoncelli non-separable wavelet (IBSI 2 PRT7), an isotropic band-pass defined in the Fourier domain:
/// <c>ψ(ν) = cos(π/2 · log₂(2‖ν‖/π))</c> for <c>π/4 &lt; ‖ν‖ ≤ π</c> and 0 elsewhere, dilated by 2^(level−1)
/// for the undecimated decomposition level. Frequencies are those of the voxel grid.
/// </summary>
public sealed record SimoncelliSettings : FilterSettings
{
    /// <summary>Decomposition level (1 is the finest band, up to Nyquist). Default 1.</summary>
    public int Level { get; init; } = 1;

    /// <summary>
    /// Default <see cref="BoundaryCondition.Periodic"/>, the natural condition of a Fourier-domain filter (IBSI 2
    /// test 8.a). Any other condition pads the image by half its size on each side first.
    /// </summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Periodic;

    /// <summary>Default <see cref="FilterDimensions.ThreeD"/>.</summary>
    public FilterDimensions Dimensions { get; init; } = FilterDimensions.ThreeD;

    /// <summary>Optional Riesz transform of the response (IBSI 2 tests 10.x); null for none.</summary>
    public RieszOrder? Riesz { get; init; }

    public override string ImageTypeName() => string.Create(
        CultureInfo.InvariantCulture, $"simoncelli-level-{Level}{MeanSettings.DimensionSuffix(Dimensions)}{Riesz?.Suffix}");

    public override void Validate()
    {
        if (Level < 1 || Level > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "The Simoncelli decomposition level must be between 1 and 16.");
        }

        FilterInput.RequireDefined(Boundary, nameof(Boundary));
        FilterInput.RequireDefined(Dimensions, nameof(Dimensions));
        Riesz?.Validate(Dimensions);
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var size = geometry.Size;
        var pad = Boundary == BoundaryCondition.Periodic ? new int[3] : new[] { size.X / 2, size.Y / 2, size.Z / 2 };
        var grid = FrequencyDomain.PaddedSize(size, pad, Dimensions);
        var transfer = Transfer(grid, Level);
        if (Riesz is { } order)
        {
            RieszTransform.Apply(transfer, grid, geometry.Spacing, order);
        }

        return FrequencyDomain.Filter(voxels, size, pad, Boundary, Dimensions, transfer);
    }

    /// <summary>The wavelet's transfer function on a transform grid (DC at index 0).</summary>
    internal static Complex[] Transfer(Size3 grid, int level)
    {
        var transfer = new Complex[grid.Count];
        double top = 1.0 / (1 << (level - 1));
        int i = 0;
        for (int z = 0; z < grid.Z; z++)
        {
            double fz = grid.Z == 1 ? 0 : Fft.ReferenceGridFrequency(z, grid.Z);
            for (int y = 0; y < grid.Y; y++)
            {
                double fy = Fft.ReferenceGridFrequency(y, grid.Y);
                for (int x = 0; x < grid.X; x++, i++)
                {
                    // Radial frequency in units of π (1 is the Nyquist frequency).
                    double fx = Fft.ReferenceGridFrequency(x, grid.X);
                    double r = Math.Sqrt(fx * fx + fy * fy + fz * fz);
                    if (r > top / 4 && r <= top)
                    {
                        transfer[i] = Math.Cos(Math.PI / 2 * Math.Log2(2 * r / top));
                    }
                }
            }
        }

        return transfer;
    }
}
