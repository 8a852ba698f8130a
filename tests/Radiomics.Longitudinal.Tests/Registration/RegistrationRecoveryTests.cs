using Radiomics.Processing;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Synthetic;

namespace Radiomics.Longitudinal.Tests.Registration;

public class RegistrationRecoveryTests
{
    /// <summary>A noise-free synthetic scan, smoothed (σ 2 mm) so that interpolation does not bias sub-voxel alignment.</summary>
    private static Image<float> Scan()
    {
        var sharp = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(64, 64, 32), Spacing = new Vec3(1.5, 1.5, 2.5), TumourOffset = new Vec3(4, -3, 0), Noise = 0 }).Image;
        return Radiomics.Filters.Gaussian.Smooth(sharp.ConvertTo<double>(), new Vec3(2, 2, 2)).ConvertTo<float>();
    }

    [Theory]
    [InlineData(TransformKind.Translation)]
    [InlineData(TransformKind.Affine)]
    public void A_known_transform_is_recovered_within_a_tenth_of_a_voxel(TransformKind kind)
    {
        var fixedImage = Scan();
        ITransform truth = kind == TransformKind.Translation
            ? new TranslationTransform(new Vec3(2.3, -1.7, 1.2))
            : new AffineTransform(Euler3DTransform.RotationMatrix(0.03, -0.02, 0.04) * new Matrix3(1.03, 0, 0, 0, 0.98, 0, 0, 0, 1.01), new Vec3(1.8, -1.2, 0.9), fixedImage.Geometry.IndexToPhysical(32, 32, 16));

        // The moving image is the fixed image seen through the truth's inverse, so registering finds the truth.
        var inverse = truth is TranslationTransform t ? (ITransform)t.Inverse() : ((AffineTransform)truth).Inverse();
        var moving = Resampler.Resample(fixedImage, inverse, fixedImage.Geometry, Interpolator.BSpline);
        var settings = new ImageRegistrationSettings
        {
            Transform = kind,
            Metric = MetricSettings.MeanSquares,
            ShrinkFactors = [2, 1],
            Optimiser = new OptimiserSettings { NumberOfIterations = [300], RelativeTolerance = 1e-10, MinimumStepLength = 1e-6 },
        };
        // Only the centre drives the metric: near the borders the moving image shows the zeros resampling shifted in.
        var centre = new ImageBuilder<byte>(fixedImage.Geometry);
        for (int z = 6; z < 26; z++)
        {
            for (int y = 10; y < 54; y++)
            {
                for (int x = 10; x < 54; x++)
                {
                    centre[x, y, z] = 1;
                }
            }
        }

        var result = new ImageRegistrationMethod(settings) { NumberOfThreads = 2, FixedImageMask = new LabelMap(centre.ToImage()) }.Execute(fixedImage, moving);

        // Error at points inside the tumour region, in voxels of the coarsest axis spacing.
        double worst = 0;
        foreach (var (x, y, z) in new[] { (24, 24, 12), (40, 40, 20), (32, 28, 16), (28, 36, 14) })
        {
            var p = fixedImage.Geometry.IndexToPhysical(x, y, z);
            worst = Math.Max(worst, (result.Transform.TransformPoint(p) - truth.TransformPoint(p)).Norm);
        }

        Assert.True(worst < 0.1 * 1.5, $"{kind}: worst point error {worst:F3} mm (voxel 1.5 mm)");
    }

    [Fact]
    public void Deformable_registration_does_not_fold()
    {
        var baseline = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(64, 64, 24), Spacing = new Vec3(1.5, 1.5, 3) });
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(64, 64, 24), Spacing = new Vec3(1.5, 1.5, 3), VolumeScale = 0.8, Translation = new Vec3(2, -1, 0), NoiseSeed = 3 });
        var result = new DeformableRegistration(new DeformableRegistrationSettings { NumberOfThreads = 2 }).Execute(followUp.Image, baseline.Image);
        var (min, _) = DisplacementField.JacobianDeterminant(result.Transform, followUp.Image.Geometry).Range();
        Assert.True(min > 0, $"minimum Jacobian determinant {min}");
    }

    [Fact]
    public void Deformable_registration_is_the_same_for_any_thread_count()
    {
        var baseline = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(48, 48, 20), Spacing = new Vec3(1.5, 1.5, 3) });
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(48, 48, 20), Spacing = new Vec3(1.5, 1.5, 3), VolumeScale = 0.85, Translation = new Vec3(1, -2, 0), NoiseSeed = 5 });
        // The B-spline coefficients in double precision: a different summation order would show in the last bits.
        double[] Field(int threads)
        {
            var transform = new DeformableRegistration(new DeformableRegistrationSettings { NumberOfThreads = threads }).Execute(followUp.Image, baseline.Image).Transform;
            var spline = transform as BSplineTransform ?? ((CompositeTransform)transform).Transforms.OfType<BSplineTransform>().Single();
            return spline.Coefficients.ToArray();
        }

        var one = Field(1);
        var two = Field(2);
        Assert.Contains(one, v => v != 0);
        Assert.Equal(one, two);
        Assert.Equal(two, Field(2));
    }

    [Fact]
    public void Mismatched_inputs_are_typed_errors()
    {
        var volume = Scan();
        var slice = new Image<float>(ImageGeometry.Create(64, 64, 1, new Vec3(1.5, 1.5, 2.5)));
        var method = new ImageRegistrationMethod(new ImageRegistrationSettings { Transform = TransformKind.Translation });
        Assert.Equal(RegistrationProblem.DimensionMismatch, Assert.Throws<RegistrationException>(() => method.Execute(volume, slice)).Problem);

        var nan = volume.ToBuilder();
        nan[10, 10, 10] = float.NaN;
        Assert.Equal(RegistrationProblem.NonFiniteVoxels, Assert.Throws<RegistrationException>(() => method.Execute(nan.ToImage(), volume)).Problem);

        var g = volume.Geometry;
        var far = new Image<float>(new ImageGeometry(g.Size, g.Spacing, g.Origin + new Vec3(5000, 0, 0), g.Direction), volume.Voxels.ToArray(), 1);
        Assert.Equal(RegistrationProblem.NoOverlap, Assert.Throws<RegistrationException>(() => method.Execute(volume, far)).Problem);
    }
}
