using Radiomics.Imaging;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Registration;

/// <summary>Runs only where plastimatch is installed (Debian: apt-get install plastimatch).</summary>
public sealed class PlastimatchFactAttribute : FactAttribute
{
    public PlastimatchFactAttribute()
    {
        if (!PlastimatchRegistration.IsAvailable())
        {
            Skip = "plastimatch is not installed (apt-get install plastimatch); the plastimatch backend test is skipped.";
        }
    }
}

public class PlastimatchRegistrationTests
{
    [PlastimatchFact]
    public void The_plastimatch_backend_registers_a_pair_behind_the_common_interface_and_keeps_its_command_file()
    {
        var size = new Size3(64, 64, 24);
        var spacing = new Vec3(1.5, 1.5, 3);
        var baseline = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing });
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing, VolumeScale = 0.85, Translation = new Vec3(3, -2, 0), NoiseSeed = 2 });
        using var tmp = new TempDirectory();
        // Short stages keep the test quick: affine, then one B-spline stage on a coarse grid.
        File.WriteAllText(tmp.File("mine.txt"), "[GLOBAL]\nfixed=elsewhere.mha\n\n" + PlastimatchParameters.Stages(affineIterations: 20, bspline: [(24, [2, 2, 1], 20)]));
        IImageRegistration registration = new PlastimatchRegistration(new PlastimatchSettings { ParameterFile = tmp.File("mine.txt"), NumberOfThreads = 2, WorkingDirectory = tmp.File("work") });
        var result = registration.Execute(followUp.Image, baseline.Image);

        var before = Overlap.Dice(baseline.Tumour, followUp.Tumour);
        var propagated = MaskPropagation.Propagate(baseline.Tumour, result.Transform, followUp.Image.Geometry, LabelInterpolation.LinearArgMax);
        double dice = Overlap.Dice(propagated, followUp.Tumour);
        Assert.True(dice > 0.85 && dice > before + 0.05, $"Dice {dice:F3} (unregistered {before:F3})");
        string command = File.ReadAllText(tmp.File($"work/{PlastimatchRegistration.CommandFileName}"));
        Assert.DoesNotContain("elsewhere.mha", command, StringComparison.Ordinal);
        Assert.Contains("grid_spac=24 24 24", command, StringComparison.Ordinal);
        Assert.True(File.Exists(tmp.File($"work/{PlastimatchRegistration.LogFileName}")));
        Assert.False(File.Exists(tmp.File("work/fixed.nii.gz")), "the image copies are removed");
    }

    [Fact]
    public void A_missing_executable_is_a_typed_error()
    {
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(16, 16, 8) }).Image;
        var e = Assert.Throws<RegistrationException>(() => new PlastimatchRegistration(new PlastimatchSettings { Plastimatch = "/nonexistent/plastimatch" }).Execute(scan, scan));
        Assert.Equal(RegistrationProblem.ExternalToolFailed, e.Problem);
        Assert.Contains("not installed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_command_file_runs_affine_then_coarse_to_fine_bspline_stages()
    {
        string stages = PlastimatchParameters.Stages();
        Assert.Equal(5, stages.Split("[STAGE]").Length - 1);
        Assert.Contains("xform=affine", stages, StringComparison.Ordinal);
        Assert.Contains("xform=bspline", stages, StringComparison.Ordinal);
        Assert.Contains("metric=mse", stages, StringComparison.Ordinal);
        Assert.True(stages.IndexOf("grid_spac=40 40 40", StringComparison.Ordinal) < stages.IndexOf("grid_spac=12 12 12", StringComparison.Ordinal));
        Assert.Equal("[STAGE]\nxform=affine\n", PlastimatchParameters.WithoutGlobal("[GLOBAL]\r\nfixed=a.mha\r\nvf_out=v.mha\r\n[STAGE]\r\nxform=affine\r\n"));
    }
}
