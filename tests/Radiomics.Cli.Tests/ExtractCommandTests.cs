using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

public class ExtractCommandTests
{
    [SharedDataFact]
    public void Extract_with_a_preset_writes_a_tidy_csv_and_the_settings_beside_it()
    {
        using var tmp = new TempDirectory();
        var dir = SharedData.Path("ibsi", "ibsi_1_digital_phantom", "nifti");
        var (code, output) = CliRunner.Run(
            "extract", Path.Combine(dir, "image", "phantom.nii.gz"), Path.Combine(dir, "mask", "mask.nii.gz"),
            "--preset", "ibsi-digital-phantom", "-o", tmp.File("features.csv"), "--subject", "phantom");
        Assert.True(code == 0, output);
        var table = FeatureTable.ReadCsv(tmp.File("features.csv"));
        Assert.Equal(2.15, table.Value("Q4LE"), 2);
        Assert.All(table, r => Assert.Equal("phantom", r.Subject));
        Assert.Equal(FeaturePresets.DigitalPhantom.Discretisation, FeatureSettingsYaml.Load(tmp.File("features.params.yaml")).Discretisation);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_params_alone_dumps_a_preset_that_reads_back()
    {
        using var tmp = new TempDirectory();
        var (code, output) = CliRunner.Run("extract", "--preset", "ibsi-config-C", "--write-params", tmp.File("c.yaml"));
        Assert.True(code == 0, output);
        // The file also shows the habitats: section with its defaults.
        Assert.Equal(FeatureSettingsYaml.ToYaml(FeaturePresets.ConfigC with { Habitats = new VoxelFeatureSettings() }), FeatureSettingsYaml.ToYaml(FeatureSettingsYaml.Load(tmp.File("c.yaml"))));
    }

    [Fact]
    public void Extract_with_params_file_and_label_selects_that_label()
    {
        using var tmp = new TempDirectory();
        var g = ImageGeometry.Create(8, 8, 8, new Vec3(2, 2, 2));
        var image = new ImageBuilder<short>(g);
        var labels = new ImageBuilder<byte>(g);
        for (int z = 0; z < 8; z++)
        {
            for (int y = 0; y < 8; y++)
            {
                for (int x = 0; x < 8; x++)
                {
                    image[x, y, z] = (short)(x * 10 + y);
                    labels[x, y, z] = x < 4 ? (byte)1 : (byte)2;
                }
            }
        }

        ImageFile.Write(image.ToImage(), tmp.File("img.nrrd"));
        ImageFile.Write(new LabelMap(labels.ToImage()), tmp.File("labels.nrrd"));
        File.WriteAllText(tmp.File("s.yaml"), "families: [intensity_statistics]\n");
        var (code, output) = CliRunner.Run("extract", tmp.File("img.nrrd"), tmp.File("labels.nrrd"), "-p", tmp.File("s.yaml"), "--label", "2", "-o", tmp.File("f.csv"));
        Assert.True(code == 0, output);
        var table = FeatureTable.ReadCsv(tmp.File("f.csv"));
        Assert.Equal(["intensity_statistics"], table.Select(r => r.Family).Distinct());
        Assert.Equal(40, table.Value("1GSF"));
        Assert.Equal("2", table[0].Region);
    }

    [Fact]
    public void Extract_reports_clear_errors_without_stack_traces()
    {
        using var tmp = new TempDirectory();
        var g = ImageGeometry.Create(4, 4, 4);
        ImageFile.Write(new Image<short>(g), tmp.File("img.nrrd"));
        ImageFile.Write(new LabelMap(new Image<byte>(ImageGeometry.Create(5, 4, 4))), tmp.File("other.nrrd"));
        ImageFile.Write(new LabelMap(new Image<byte>(g)), tmp.File("empty.nrrd"));

        var (code, output) = CliRunner.Run("extract", tmp.File("img.nrrd"), tmp.File("other.nrrd"), "-o", tmp.File("f.csv"));
        Assert.Equal(1, code);
        Assert.Contains("other.nrrd", output, StringComparison.Ordinal);

        (code, output) = CliRunner.Run("extract", tmp.File("img.nrrd"), tmp.File("empty.nrrd"), "-o", tmp.File("f.csv"));
        Assert.Equal(1, code);
        Assert.Contains("empty", output, StringComparison.Ordinal);

        (code, output) = CliRunner.Run("extract", tmp.File("img.nrrd"), tmp.File("empty.nrrd"), "--preset", "ibsi-config-Z", "-o", tmp.File("f.csv"));
        Assert.Equal(1, code);
        Assert.Contains("ibsi-config-A", output, StringComparison.Ordinal);

        File.WriteAllText(tmp.File("bad.yaml"), "discretisation:\n  methd: fixed_bin_size\n");
        (code, output) = CliRunner.Run("extract", tmp.File("img.nrrd"), tmp.File("empty.nrrd"), "-p", tmp.File("bad.yaml"), "-o", tmp.File("f.csv"));
        Assert.Equal(1, code);
        Assert.True(output.Contains("bad.yaml", StringComparison.Ordinal), output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("f.csv")));
    }
}
