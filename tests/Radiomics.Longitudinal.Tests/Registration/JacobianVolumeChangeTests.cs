using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Study;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Registration;

/// <summary>
/// The study's registration measures every planted volume change of a demo cohort within 2 percentage points, on the map
/// that expands the tumour, without folding (issue 20). Seed 11 is the cohort whose worst follow-up missed by 2.7
/// points before (docs/volume-change.md).
/// </summary>
public class JacobianVolumeChangeTests
{
    [Fact]
    public void Every_follow_up_of_a_demo_cohort_is_within_two_points_of_the_planted_change_and_nothing_folds()
    {
        using var tmp = new TempDirectory();
        var (_, truth) = SyntheticCohort.Write(new SyntheticCohortSettings { Seed = 11 }, tmp.Path);
        var parallel = new Parallelism(2);
        var registration = new DeformableRegistration(DeformableRegistrationSettings.ForVolumeChange with { NumberOfThreads = 2 });
        var errors = new List<string>();
        int growing = 0;
        foreach (var subject in truth.GroupBy(t => t.Subject))
        {
            var baseline = subject.First();
            var baseImage = ImageFile.Read(Path.Combine(tmp.Path, $"{baseline.Subject}_{baseline.TimePoint}.nii.gz"));
            var baseMask = ImageFile.ReadLabelMap(Path.Combine(tmp.Path, baseline.TumourMaskPath));
            foreach (var now in subject.Skip(1))
            {
                var image = ImageFile.Read(Path.Combine(tmp.Path, $"{now.Subject}_{now.TimePoint}.nii.gz"));
                var mask = ImageFile.ReadLabelMap(Path.Combine(tmp.Path, now.TumourMaskPath));
                var result = registration.Execute(image, baseImage);
                var jacobian = DisplacementField.JacobianDeterminant(result.Transform, image.Geometry, parallel);
                var (ratio, map) = JacobianVolumeChange.Measure(registration, jacobian.Voxels, mask, baseImage, image, baseMask, onExpandingMap: true, parallel);
                double planted = now.TumourVolume / baseline.TumourVolume;
                Assert.Equal(planted > 1, map == JacobianMap.BaselineToFollowUp);
                growing += map == JacobianMap.BaselineToFollowUp ? 1 : 0;
                if (Math.Abs(ratio - planted) > 0.02)
                {
                    errors.Add($"{now.Subject} {now.TimePoint}: Jacobian {ratio - 1:P1}, planted {planted - 1:P1}");
                }

                var (minimum, _) = jacobian.Range();
                Assert.True(minimum > 0, $"{now.Subject} {now.TimePoint}: the field folds (min det J {minimum:F3})");
            }
        }

        Assert.True(growing > 0, "the cohort has no growing tumour, so the second registration is not tested");
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    [Fact]
    public void A_shrinking_tumour_keeps_the_follow_up_ratio_and_switching_off_keeps_it_for_growth_too()
    {
        var geometry = new ImageGeometry(new Size3(4, 4, 4), new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity);
        var mask = new LabelMap(new Image<byte>(geometry, [.. Enumerable.Repeat((byte)1, 64)]));
        var image = new Image<float>(geometry, new float[64]);
        var throwing = new ThrowingRegistration();

        // det J 1.25 everywhere: the follow-up came from 1.25× its volume, a shrinkage to 0.8, measured without a second registration.
        var shrink = JacobianVolumeChange.Measure(throwing, Enumerable.Repeat(1.25f, 64).ToArray(), mask, image, image, mask, onExpandingMap: true, default);
        Assert.Equal((0.8, JacobianMap.FollowUpToBaseline), shrink);

        // det J 0.5: growth to 2; with the expanding map off it stays the follow-up's ratio.
        var growth = JacobianVolumeChange.Measure(throwing, Enumerable.Repeat(0.5f, 64).ToArray(), mask, image, image, mask, onExpandingMap: false, default);
        Assert.Equal((2.0, JacobianMap.FollowUpToBaseline), growth);
        Assert.Throws<InvalidOperationException>(() => JacobianVolumeChange.Measure(throwing, Enumerable.Repeat(0.5f, 64).ToArray(), mask, image, image, mask, onExpandingMap: true, default));
    }

    private sealed class ThrowingRegistration : IImageRegistration
    {
        public RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default) =>
            throw new InvalidOperationException("a second registration was run");
    }
}
