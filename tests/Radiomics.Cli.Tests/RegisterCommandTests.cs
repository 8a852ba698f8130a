using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
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
        Assert.True(File.Exists(tmp.File("reg/affine.json")) && File.Exists(tmp.File("reg/affine.tfm")) && File.Exists(tmp.File("reg/registration.json")));
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("reg/registration.json"))))
        {
            Assert.True(json.RootElement.GetProperty("jacobian_min").GetDouble() > 0);
            Assert.Equal(0, json.RootElement.GetProperty("folded_volume_mm3").GetDouble());
            Assert.Equal(0, json.RootElement.GetProperty("folding_guard_retries").GetInt32());
        }

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
        Assert.Contains("nothing: cannot open the transform file: no such file.", output, StringComparison.Ordinal);

        var other = new Image<float>(ImageGeometry.Create(10, 10, 4, Vec3.One), 3);
        ImageFile.Write(other, tmp.File("reg/displacement.nii.gz"));
        (code, output) = CliRunner.Run("propagate", tmp.File("mask.nii.gz"), "-t", tmp.File("reg"), "-r", tmp.File("fixed.nii.gz"), "-o", tmp.File("out.nii.gz"));
        Assert.Equal(1, code);
        Assert.Contains("displacement field displacement.nii.gz vs reference fixed.nii.gz", output, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("out.nii.gz")));
    }

    /// <summary>A mask shifted by a whole number of voxels: the fixed voxel x takes the label of the moving voxel x + t.</summary>
    private static (LabelMap Mask, string Reference) ShiftSetup(TempDirectory tmp)
    {
        var g = ImageGeometry.Create(20, 16, 6, new Vec3(1.5, 1.5, 2));
        var labels = new byte[g.VoxelCount];
        for (int z = 1; z < 5; z++)
        {
            for (int y = 4; y < 10; y++)
            {
                for (int x = 6; x < 12; x++)
                {
                    labels[x + (20 * (y + (16 * z)))] = 1;
                }
            }
        }

        var mask = new LabelMap(new Image<byte>(g, labels));
        ImageFile.Write(mask, tmp.File("mask.nii.gz"));
        ImageFile.Write(new Image<float>(g), tmp.File("fixed.nii.gz"));
        return (mask, tmp.File("fixed.nii.gz"));
    }

    private static void AssertShiftedBy(LabelMap mask, LabelMap propagated, int dx, int dy)
    {
        var s = mask.Geometry.Size;
        for (int z = 0; z < s.Z; z++)
        {
            for (int y = 0; y < s.Y; y++)
            {
                for (int x = 0; x < s.X; x++)
                {
                    int mx = x + dx, my = y + dy;
                    byte expected = mx >= 0 && mx < s.X && my >= 0 && my < s.Y ? mask.Image[mx, my, z] : (byte)0;
                    Assert.True(expected == propagated.Image[x, y, z], $"voxel ({x},{y},{z})");
                }
            }
        }
    }

    [Fact]
    public void Propagate_reads_an_ITK_tfm_file_and_takes_the_grid_from_the_reference()
    {
        using var tmp = new TempDirectory();
        var (mask, reference) = ShiftSetup(tmp);
        // Fixed point x ↔ moving point x + (3 mm, −3 mm, 0) = two voxels along +X, two along −Y.
        File.WriteAllText(tmp.File("shift.tfm"), "#Insight Transform File V1.0\n#Transform 0\nTransform: TranslationTransform_double_3_3\nParameters: 3 -3 0\nFixedParameters:\n");
        var (code, output) = CliRunner.Run("propagate", tmp.File("mask.nii.gz"), "-t", tmp.File("shift.tfm"), "-r", reference, "-o", tmp.File("out.nii.gz"), "--nearest");
        Assert.True(code == 0, output);
        AssertShiftedBy(mask, ImageFile.ReadLabelMap(tmp.File("out.nii.gz")), 2, -2);
    }

    [Fact]
    public void Propagate_reads_a_register_folder_holding_only_the_affine()
    {
        using var tmp = new TempDirectory();
        var (mask, reference) = ShiftSetup(tmp);
        Directory.CreateDirectory(tmp.File("reg"));
        AffineTransformJson.Write(new AffineTransform(Matrix3.Identity, new Vec3(-1.5, 3, 0)), tmp.File("reg/affine.json"));
        var (code, output) = CliRunner.Run("propagate", tmp.File("mask.nii.gz"), "-t", tmp.File("reg"), "-r", reference, "-o", tmp.File("out.nii.gz"), "--nearest");
        Assert.True(code == 0, output);
        AssertShiftedBy(mask, ImageFile.ReadLabelMap(tmp.File("out.nii.gz")), -1, 2);
    }

    [Fact]
    public void Propagate_with_a_malformed_transform_file_names_it()
    {
        using var tmp = new TempDirectory();
        var (_, reference) = ShiftSetup(tmp);
        File.WriteAllText(tmp.File("bad.tfm"), "#Insight Transform File V1.0\nTransform: AffineTransform_double_3_3\nParameters: 1 0 0\n");
        var (code, output) = CliRunner.Run("propagate", tmp.File("mask.nii.gz"), "-t", tmp.File("bad.tfm"), "-r", reference, "-o", tmp.File("out.nii.gz"));
        Assert.Equal(1, code);
        Assert.Contains("bad.tfm: malformed transform file", output, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("out.nii.gz")));
    }

    [Fact]
    public void The_elastix_backend_without_its_options_conflicts_is_a_clear_error()
    {
        using var tmp = new TempDirectory();
        var (code, output) = CliRunner.Run("register", tmp.File("a.nii.gz"), tmp.File("b.nii.gz"), "-o", tmp.File("reg"), "--backend", "elastix", "--affine-only");
        Assert.Equal(2, code);
        Assert.Contains("apply to the 'ours' backend", output, StringComparison.Ordinal);
        (code, output) = CliRunner.Run("register", tmp.File("a.nii.gz"), tmp.File("b.nii.gz"), "-o", tmp.File("reg"), "--backend", "itk");
        Assert.NotEqual(0, code);
        (code, output) = CliRunner.Run("register", tmp.File("a.nii.gz"), tmp.File("b.nii.gz"), "-o", tmp.File("reg"), "--backend", "plastimatch", "--volume-change");
        Assert.NotEqual(0, code);
        Assert.Contains("--volume-change applies to the 'ours' backend", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_with_volume_change_runs_the_study_settings_with_the_dense_refinement()
    {
        using var tmp = new TempDirectory();
        var small = new SyntheticScanSettings { Size = new Size3(48, 48, 16) };
        ImageFile.Write(SyntheticScan.Create(small).Image, tmp.File("baseline.nii.gz"));
        ImageFile.Write(SyntheticScan.Create(small with { VolumeScale = 0.8, Translation = new Vec3(1, -1, 0), NoiseSeed = 2 }).Image, tmp.File("followup.nii.gz"));

        var (code, output) = CliRunner.Run("register", tmp.File("followup.nii.gz"), tmp.File("baseline.nii.gz"), "-o", tmp.File("reg"), "--threads", "2", "--volume-change");
        Assert.True(code == 0, output);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("reg/registration.json")));
        var stages = json.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("stage").GetString()).ToList();
        Assert.Equal("Dense", stages[^1]);
        Assert.True(json.RootElement.GetProperty("jacobian_min").GetDouble() > 0);
    }
}
