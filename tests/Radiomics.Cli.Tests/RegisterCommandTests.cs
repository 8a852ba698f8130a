using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

public class RegisterCommandTests
{
    [Fact]
    public void Register_then_propagate_carries_the_baseline_mask_onto_the_follow_up()
    {
        using var tmp = new TempDirectory();
        var baseline = SyntheticScan.Create();
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { VolumeScale = 0.8, RotationDegrees = 2, Translation = new Vec3(3, -2, 1), NoiseSeed = 2 });
        ImageFile.Write(baseline.Image, tmp.File("baseline.nii.gz"));
        ImageFile.Write(baseline.Tumour, tmp.File("baseline_mask.nii.gz"));
        ImageFile.Write(followUp.Image, tmp.File("followup.nii.gz"));

        var (code, output) = CliRunner.Run("register", tmp.File("followup.nii.gz"), tmp.File("baseline.nii.gz"), "-o", tmp.File("reg"), "--threads", "2");
        Assert.True(code == 0, output);
        Assert.Contains("(no folding)", output, StringComparison.Ordinal);
        var field = ImageFile.Read<float>(tmp.File("reg/displacement.nii.gz"));
        Assert.Equal(3, field.Components);
        Assert.True(field.Geometry.Matches(followUp.Image.Geometry));
        Assert.True(File.Exists(tmp.File("reg/affine.json")) && File.Exists(tmp.File("reg/registration.json")));

        (code, output) = CliRunner.Run("propagate", tmp.File("baseline_mask.nii.gz"), "--transform", tmp.File("reg"), "--reference", tmp.File("followup.nii.gz"), "-o", tmp.File("propagated.nii.gz"));
        Assert.True(code == 0, output);
        var propagated = ImageFile.ReadLabelMap(tmp.File("propagated.nii.gz"));
        double dice = Overlap.Dice(propagated, followUp.Tumour);
        Assert.True(dice > 0.9, $"Dice {dice:F3}");
    }

    [Fact]
    public void Propagation_with_a_missing_field_or_another_grid_is_a_clear_error()
    {
        using var tmp = new TempDirectory();
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(24, 24, 8) });
        ImageFile.Write(scan.Image, tmp.File("fixed.nii.gz"));
        ImageFile.Write(scan.Tumour, tmp.File("mask.nii.gz"));
        var (code, output) = CliRunner.Run("propagate", tmp.File("mask.nii.gz"), "-t", tmp.File("nothing"), "-r", tmp.File("fixed.nii.gz"), "-o", tmp.File("out.nii.gz"));
        Assert.Equal(1, code);
        Assert.Contains("No displacement field", output, StringComparison.Ordinal);

        var other = new Image<float>(ImageGeometry.Create(10, 10, 4, Vec3.One), 3);
        ImageFile.Write(other, tmp.File("reg/displacement.nii.gz"));
        (code, output) = CliRunner.Run("propagate", tmp.File("mask.nii.gz"), "-t", tmp.File("reg"), "-r", tmp.File("fixed.nii.gz"), "-o", tmp.File("out.nii.gz"));
        Assert.Equal(1, code);
        Assert.Contains("displacement field displacement.nii.gz vs reference fixed.nii.gz", output, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("out.nii.gz")));
    }
}
