using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>Runs only where the elastix executables are installed (Debian: apt-get install elastix).</summary>
public sealed class ElastixCliFactAttribute : FactAttribute
{
    public ElastixCliFactAttribute()
    {
        if (!ElastixRegistration.IsAvailable())
        {
            Skip = "elastix is not installed (apt-get install elastix); the elastix backend test is skipped.";
        }
    }
}

public class RegisterElastixTests
{
    [ElastixCliFact]
    public void Register_with_the_elastix_backend_writes_a_folder_propagate_reads()
    {
        using var tmp = new TempDirectory();
        var size = new Size3(64, 64, 24);
        var spacing = new Vec3(1.5, 1.5, 3);
        var baseline = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing });
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Size = size, Spacing = spacing, VolumeScale = 0.85, Translation = new Vec3(3, -2, 0), NoiseSeed = 2 });
        ImageFile.Write(baseline.Image, tmp.File("baseline.nii.gz"));
        ImageFile.Write(baseline.Tumour, tmp.File("baseline_mask.nii.gz"));
        ImageFile.Write(followUp.Image, tmp.File("followup.nii.gz"));

        var (code, output) = CliRunner.Run("register", tmp.File("followup.nii.gz"), tmp.File("baseline.nii.gz"), "-o", tmp.File("reg"), "--threads", "2", "--backend", "elastix");
        Assert.True(code == 0, output);
        Assert.True(File.Exists(tmp.File("reg/displacement.nii.gz")) && File.Exists(tmp.File("reg/elastix/TransformParameters.0.txt")));
        Assert.True(File.Exists(tmp.File("reg/affine.tfm")), output);

        (code, output) = CliRunner.Run("propagate", tmp.File("baseline_mask.nii.gz"), "-t", tmp.File("reg"), "-r", tmp.File("followup.nii.gz"), "-o", tmp.File("propagated.nii.gz"));
        Assert.True(code == 0, output);
        double dice = Overlap.Dice(ImageFile.ReadLabelMap(tmp.File("propagated.nii.gz")), followUp.Tumour);
        Assert.True(dice > 0.85, $"Dice {dice:F3}");

        // The elastix affine stage read from its own parameter file drives propagate too.
        (code, output) = CliRunner.Run("propagate", tmp.File("baseline_mask.nii.gz"), "-t", tmp.File("reg/elastix/TransformParameters.0.txt"), "-r", tmp.File("followup.nii.gz"), "-o", tmp.File("affine.nii.gz"));
        Assert.True(code == 0, output);
        double affineDice = Overlap.Dice(ImageFile.ReadLabelMap(tmp.File("affine.nii.gz")), followUp.Tumour);
        Assert.True(affineDice > 0.8, $"Dice {affineDice:F3}");
    }
}
