using Radiomics.Numerics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Tests.Transforms;

public class FoldingTests
{
    [Fact]
    public void A_field_that_reverses_a_slab_folds_there_and_the_folded_volume_is_counted()
    {
        // u_x = −2x inside the slab 8 ≤ x ≤ 11 (continuous at its edges through ramps): det J = 1 + ∂u_x/∂x = −1 in it.
        var g = ImageGeometry.Create(20, 6, 5, new Vec3(2, 1, 1.5));
        var u = new ImageBuilder<float>(g, 3);
        for (int z = 0; z < 5; z++)
        {
            for (int y = 0; y < 6; y++)
            {
                for (int x = 0; x < 20; x++)
                {
                    double mm = 2.0 * Math.Clamp(x, 7, 12);
                    u[x, y, z, 0] = (float)(-2 * (mm - 14));
                }
            }
        }

        var folding = Folding.Of(DisplacementField.JacobianDeterminant(u.ToImage()));
        Assert.True(folding.Folds);
        Assert.Equal(-1.0, folding.MinimumJacobian, 6);
        Assert.Equal(1.0, folding.MaximumJacobian, 6);
        // Central differences: det J = −1 on x = 8..11, 0 on the slab's edge voxels x = 7 and 12 (half a reversed step).
        Assert.Equal(6 * 6 * 5, folding.FoldedVoxels);
        Assert.Equal(6 * 6 * 5 * 2 * 1 * 1.5, folding.FoldedVolumeMm3, 9);
    }

    [Fact]
    public void A_smooth_field_does_not_fold()
    {
        var g = ImageGeometry.Create(10, 10, 10);
        var u = new ImageBuilder<float>(g, 3);
        for (int x = 0; x < 10; x++)
        {
            u[x, 3, 3, 1] = (float)(0.1 * x);
        }

        var folding = Folding.Of(DisplacementField.JacobianDeterminant(u.ToImage()));
        Assert.False(folding.Folds);
        Assert.Equal(0, folding.FoldedVolumeMm3);
    }

    [Fact]
    public void The_folding_guard_check_grid_sees_a_folding_bspline_and_not_a_mild_one()
    {
        var domain = ImageGeometry.Create(40, 40, 20, new Vec3(1, 1, 2.5));
        var grid = BSplineTransform.ControlGrid(domain, new Vec3(12, 12, 12));
        var parallel = new Parallelism(2);
        BSplineTransform WithBump(double mm)
        {
            var c = new double[3 * grid.VoxelCount];
            // One control point pushed along x: its neighbours along x stay, so a push larger than the spacing folds.
            var size = grid.Size;
            int i = 3 + size.X * (3 + size.Y * 2);
            c[i] = mm;
            return new BSplineTransform(grid, c);
        }

        Assert.False(DeformableRegistration.Folds(WithBump(2), domain, 12, parallel));
        Assert.True(DeformableRegistration.Folds(WithBump(-100), domain, 12, parallel));
    }
}
