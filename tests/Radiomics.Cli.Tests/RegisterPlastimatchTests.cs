using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>Runs only where plastimatch is installed (Debian: apt-get install plastimatch).</summary>
public sealed class PlastimatchCliFactAttribute : FactAttribute
{
    public PlastimatchCliFactAttribute()
    {
        if (!PlastimatchRegistration.IsAvailable())
        {
            Skip = "plastimatch is not installed (apt-get install plastimatch); the plastimatch backend test is skipped.";
        }
    }
}

public class RegisterPlastimatchTests
{
    [PlastimatchCliFact]
    public void Register_with_the_plastimatch_backend_writes_a_folder_propagate_reads()
    {
        using var tmp = new TempDirectory();
        var size = new Size3(64, 64, 24);
        var spacing = new Vec3(1.5, 1.5, 3);
        var baseline = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing });
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing, VolumeScale = 0.85, Translation = new Vec3(3, -2, 0), NoiseSeed = 2 });
        ImageFile.Write(baseline.Image, tmp.File("baseline.nii.gz"));
        ImageFile.Write(baseline.Tumour, tmp.File("baseline_mask.nii.gz"));
        ImageFile.Write(followUp.Image, tmp.File("followup.nii.gz"));

        var (code, output) = CliRunner.Run("register", tmp.File("followup.nii.gz"), tmp.File("baseline.nii.gz"), "-o", tmp.File("reg"), "--threads", "2", "--backend", "plastimatch");
        Assert.True(code == 0, output);
        Assert.Contains("(plastimatch)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(tmp.File("reg/displacement.nii.gz")) && File.Exists(tmp.File($"reg/plastimatch/{PlastimatchRegistration.CommandFileName}")));
        Assert.Contains("\"backend\": \"plastimatch\"", File.ReadAllText(tmp.File("reg/registration.json")), StringComparison.Ordinal);

        (code, output) = CliRunner.Run("propagate", tmp.File("baseline_mask.nii.gz"), "-t", tmp.File("reg"), "-r", tmp.File("followup.nii.gz"), "-o", tmp.File("propagated.nii.gz"));
        Assert.True(code == 0, output);
        // plastimatch's default stages are tuned for whole scans; on this small phantom it must still improve the overlap.
        double dice = Overlap.Dice(ImageFile.ReadLabelMap(tmp.File("propagated.nii.gz")), followUp.Tumour), before = Overlap.Dice(baseline.Tumour, followUp.Tumour);
        Assert.True(dice > before + 0.05, $"Dice {dice:F3}, unregistered {before:F3}");
    }
}
