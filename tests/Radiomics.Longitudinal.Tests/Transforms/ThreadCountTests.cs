using Radiomics.Imaging;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;
using Radiomics.Processing;

namespace Radiomics.Longitudinal.Tests.Transforms;

/// <summary>Every slice loop of resampling, fields and propagation gives the same voxels on one thread and on two.</summary>
public class ThreadCountTests
{
    private static readonly ImageGeometry Grid = ImageGeometry.Create(23, 19, 11, new Vec3(1.5, 1.5, 2));

    private static BSplineTransform Deformation()
    {
        var spline = BSplineTransform.Identity(Grid, new Vec3(8, 8, 8));
        var c = new double[spline.Coefficients.Length];
        var rng = new Random(11);
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = 2 * (rng.NextDouble() - 0.5);
        }

        return new BSplineTransform(spline.Grid, c);
    }

    [Fact]
    public void Resampling_fields_Jacobians_and_propagation_do_not_depend_on_the_thread_count()
    {
        var image = TestVolumes.Blobs(Grid);
        var mask = LabelMap.Threshold(image, v => v > 40f);
        var transform = Deformation();
        (float[] Cubic, float[] Field, float[] Jacobian, float[] Inverse, byte[] Labels) Run(int threads)
        {
            var p = new Parallelism(threads);
            var field = DisplacementField.Sample(transform, Grid, p);
            return (
                Resampler.Resample(image, transform, Grid, Interpolator.BSpline, 0, p).Voxels.ToArray(),
                field.Voxels.ToArray(),
                DisplacementField.JacobianDeterminant(field, p).Voxels.ToArray(),
                DisplacementField.Invert(DisplacementFieldTransform.Adopt(field), parallelism: p).Component(0).ToArray(),
                MaskPropagation.Propagate(mask, transform, Grid, LabelInterpolation.LinearArgMax, p).Voxels.ToArray());
        }

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Cubic, two.Cubic);
        Assert.Equal(one.Field, two.Field);
        Assert.Equal(one.Jacobian, two.Jacobian);
        Assert.Equal(one.Inverse, two.Inverse);
        Assert.Equal(one.Labels, two.Labels);
        Assert.Contains(one.Field, v => Math.Abs(v) > 0.1f);
        Assert.Contains(one.Labels, v => v == 1);
    }
}
