using Radiomics.Imaging;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Registration;

/// <summary>Runs only where the elastix executables are installed (Debian: apt-get install elastix).</summary>
public sealed class ElastixFactAttribute : FactAttribute
{
    public ElastixFactAttribute()
    {
        if (!ElastixRegistration.IsAvailable())
        {
            Skip = "elastix is not installed (apt-get install elastix); the elastix backend test is skipped.";
        }
    }
}

public class ElastixRegistrationTests
{
    [ElastixFact]
    public void The_elastix_backend_registers_a_pair_behind_the_common_interface()
    {
        var size = new Size3(64, 64, 24);
        var spacing = new Vec3(1.5, 1.5, 3);
        var baseline = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing });
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing, VolumeScale = 0.85, Translation = new Vec3(3, -2, 0), NoiseSeed = 2 });
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("affine.txt"), ElastixParameterMaps.Affine(resolutions: 2, iterations: 60));
        File.WriteAllText(tmp.File("bspline.txt"), ElastixParameterMaps.BSpline(resolutions: 2, iterations: 60));
        IImageRegistration registration = new ElastixRegistration(new ElastixSettings { ParameterFiles = [tmp.File("affine.txt"), tmp.File("bspline.txt")], NumberOfThreads = 2 });
        var result = registration.Execute(followUp.Image, baseline.Image);
        var propagated = MaskPropagation.Propagate(baseline.Tumour, result.Transform, followUp.Image.Geometry, LabelInterpolation.LinearArgMax);
        double dice = Overlap.Dice(propagated, followUp.Tumour);
        Assert.True(dice > 0.85, $"Dice {dice:F3}");
    }

    [Fact]
    public void A_missing_executable_is_a_typed_error()
    {
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(16, 16, 8) }).Image;
        var e = Assert.Throws<RegistrationException>(() => new ElastixRegistration(new ElastixSettings { Elastix = "/nonexistent/elastix" }).Execute(scan, scan));
        Assert.Equal(RegistrationProblem.ExternalToolFailed, e.Problem);
        Assert.Contains("not installed", e.Message, StringComparison.Ordinal);
    }
}
