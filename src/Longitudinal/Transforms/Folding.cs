using Radiomics.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Where a transform folds, from its Jacobian determinant map: the smallest and largest det J and the volume where
/// det J ≤ 0 (the transform turns space inside out there, so it has no inverse and masks carried through it tear).
/// </summary>
public sealed record Folding(double MinimumJacobian, double MaximumJacobian, long FoldedVoxels, double FoldedVolumeMm3)
{
    /// <summary>Whether any grid point has det J ≤ 0.</summary>
    public bool Folds => FoldedVoxels > 0;

    /// <summary>The summary of a Jacobian determinant map (<see cref="DisplacementField.JacobianDeterminant(Image{float}, Parallelism)"/>).</summary>
    public static Folding Of(Image<float> jacobian)
    {
        ArgumentNullException.ThrowIfNull(jacobian);
        var j = jacobian.Voxels;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long folded = 0;
        foreach (float v in j)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            if (v <= 0)
            {
                folded++;
            }
        }

        return new Folding(min, max, folded, folded * jacobian.Geometry.VoxelVolume);
    }
}
