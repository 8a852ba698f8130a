using Radiomics.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// The cubic B-spline weights of one image axis against one control-grid axis: for every voxel index along the
/// axis, the first of its four control points and their weights. Valid when image and grid share their direction
/// cosines, which makes the tensor-product spline separable: evaluating or accumulating through it costs four
/// multiply-adds per axis instead of 64 per voxel.
/// </summary>
internal sealed class BSplineAxisWeights
{
    public BSplineAxisWeights(int count, double start, double step, int gridPoints)
    {
        First = new int[count];
        Weights = new double[count * 4];
        Derivatives = new double[count * 4];
        for (int i = 0; i < count; i++)
        {
            double t = Math.Clamp(start + step * i, 1, gridPoints - 2);
            int knot = Math.Min((int)Math.Floor(t), gridPoints - 3);
            double u = t - knot;
            First[i] = knot - 1;
            CubicBSplineKernel.Weights(u, Weights.AsSpan(i * 4, 4));
            CubicBSplineKernel.Derivatives(u, Derivatives.AsSpan(i * 4, 4));
            for (int k = 0; k < 4; k++)
            {
                // Derivative with respect to the image index rather than the grid coordinate.
                Derivatives[i * 4 + k] *= step;
            }
        }
    }

    /// <summary>First control point (of four) for each voxel index.</summary>
    public int[] First { get; }

    /// <summary>Four weights per voxel index.</summary>
    public double[] Weights { get; }

    /// <summary>Four weight derivatives per voxel index, per unit of voxel index.</summary>
    public double[] Derivatives { get; }

    /// <summary>The weights of each axis of <paramref name="image"/> in <paramref name="grid"/>, or null when the directions differ.</summary>
    public static BSplineAxisWeights[]? For(ImageGeometry image, ImageGeometry grid)
    {
        if (image.Direction.MaxAbsDifference(grid.Direction) > 1e-6)
        {
            return null;
        }

        // Grid coordinate of image index i along axis a: t = P_grid(origin_image)[a] + i · spacing_image[a] / spacing_grid[a].
        var start = grid.PhysicalToIndex(image.Origin);
        var axes = new BSplineAxisWeights[3];
        for (int a = 0; a < 3; a++)
        {
            axes[a] = new BSplineAxisWeights(image.Size[a], start[a], image.Spacing[a] / grid.Spacing[a], grid.Size[a]);
        }

        return axes;
    }
}
