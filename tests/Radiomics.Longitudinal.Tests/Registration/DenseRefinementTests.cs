using Radiomics.Imaging;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Synthetic;

namespace Radiomics.Longitudinal.Tests.Registration;

public class DenseRefinementTests
{
    private static readonly SyntheticScanSettings Base = new() { Size = new Size3(64, 64, 28), Spacing = new Vec3(1, 1, 2.5), TumourOffset = new Vec3(4, -3, 0) };

    /// <summary>|Ω| / ∫_Ω det J over the follow-up's true tumour Ω, as a study computes the Jacobian volume change.</summary>
    private static double JacobianRatio(ITransform transform, SyntheticScan followUp)
    {
        var j = DisplacementField.JacobianDeterminant(transform, followUp.Image.Geometry, new Radiomics.Numerics.Parallelism(2)).Voxels;
        var m = followUp.Tumour.Voxels;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < m.Length; i++)
        {
            if (m[i] != 0)
            {
                sum += j[i];
                count++;
            }
        }

        return count / sum;
    }

    [Fact]
    public void The_refinement_brings_the_jacobian_volume_change_of_a_shrinking_tumour_to_the_planted_one()
    {
        // The tumour shrinks by 25 % inside tissue that does not move: the true map is discontinuous at its boundary.
        var baseline = SyntheticScan.Create(Base);
        var followUp = SyntheticScan.Create(Base with { VolumeScale = 0.75, Translation = new Vec3(1.5, -1, 0.5), NoiseSeed = 3 });
        double planted = (double)followUp.Tumour.Count(1) / baseline.Tumour.Count(1);
        var bspline = new DeformableRegistration(new DeformableRegistrationSettings { NumberOfThreads = 2 }).Execute(followUp.Image, baseline.Image);
        var refined = new DeformableRegistration(DeformableRegistrationSettings.ForVolumeChange with { NumberOfThreads = 2 }).Execute(followUp.Image, baseline.Image);
        double before = JacobianRatio(bspline.Transform, followUp) - planted, after = JacobianRatio(refined.Transform, followUp) - planted;

        Assert.Contains(refined.Levels, l => l.Stage == "Dense");
        Assert.True(Math.Abs(after) < 0.02, $"Jacobian volume change error {100 * after:F2} pp with the refinement ({100 * before:F2} pp without)");
        Assert.True(Math.Abs(after) < Math.Abs(before), $"the refinement did not help: {100 * after:F2} pp against {100 * before:F2} pp");
        var (min, _) = DisplacementField.JacobianDeterminant(refined.Transform, followUp.Image.Geometry).Range();
        Assert.True(min > 0, $"minimum det J {min}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_refined_field_is_the_same_for_any_thread_count(bool diffeomorphic)
    {
        var small = Base with { Size = new Size3(40, 40, 16) };
        var baseline = SyntheticScan.Create(small);
        var followUp = SyntheticScan.Create(small with { VolumeScale = 0.85, Translation = new Vec3(1, -2, 0), NoiseSeed = 5 });
        float[] Field(int threads)
        {
            var settings = DeformableRegistrationSettings.ForVolumeChange with { NumberOfThreads = threads, Dense = new DenseRefinementSettings { Iterations = 10, Diffeomorphic = diffeomorphic } };
            var transform = new DeformableRegistration(settings).Execute(followUp.Image, baseline.Image).Transform;
            return ((CompositeTransform)transform).Transforms.OfType<DisplacementFieldTransform>().Single().Field.Voxels.ToArray();
        }

        var one = Field(1);
        var two = Field(2);
        Assert.Contains(one, v => v != 0);
        Assert.Equal(one, two);
        Assert.Equal(two, Field(2));
    }

    [Fact]
    public void The_diffeomorphic_refinement_recovers_the_planted_shrinkage_with_a_positive_jacobian()
    {
        // As above, with the field grown in the log domain (a stationary velocity field and its exponential).
        var baseline = SyntheticScan.Create(Base);
        var followUp = SyntheticScan.Create(Base with { VolumeScale = 0.75, Translation = new Vec3(1.5, -1, 0.5), NoiseSeed = 3 });
        double planted = (double)followUp.Tumour.Count(1) / baseline.Tumour.Count(1);
        var settings = DeformableRegistrationSettings.ForVolumeChange with { NumberOfThreads = 2, Dense = new DenseRefinementSettings { Diffeomorphic = true } };
        var refined = new DeformableRegistration(settings).Execute(followUp.Image, baseline.Image);
        double error = JacobianRatio(refined.Transform, followUp) - planted;

        Assert.Equal("Dense", Assert.Single(refined.Levels, l => l.Stage.StartsWith("Dense", StringComparison.Ordinal)).Stage);
        Assert.True(Math.Abs(error) < 0.02, $"Jacobian volume change error {100 * error:F2} pp");
        var (min, _) = DisplacementField.JacobianDeterminant(refined.Transform, followUp.Image.Geometry).Range();
        Assert.True(min > 0, $"minimum det J {min}");
    }

    [Fact]
    public void Invalid_refinement_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeformableRegistration(new DeformableRegistrationSettings { Dense = new DenseRefinementSettings { MaximumStep = 0 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeformableRegistration(new DeformableRegistrationSettings { Dense = new DenseRefinementSettings { WindowRadius = -1 } }));
    }
}
