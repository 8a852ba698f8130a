using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

public class InfoCommandTests
{
    [SharedDataFact]
    public void Info_prints_geometry_type_and_range_of_the_CT_phantom()
    {
        var (code, output) = CliRunner.Run("info", SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "image", "phantom.nii.gz"));
        Assert.Equal(0, code);
        Assert.Contains("204 × 201 × 60", output, StringComparison.Ordinal);
        Assert.Contains("0.977 × 0.977 × 3", output, StringComparison.Ordinal);
        Assert.Contains("float32", output, StringComparison.Ordinal);
        Assert.Contains("-1000 … 3065", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_json_reports_an_oblique_image_exactly()
    {
        using var tmp = new TempDirectory();
        var g = new ImageGeometry(new Size3(3, 4, 5), new Vec3(0.5, 0.75, 2), new Vec3(1, -2, 3), Matrix3.Rotation(new Vec3(0, 0, 1), Math.PI / 2));
        var image = new ImageBuilder<short>(g);
        image[1, 1, 1] = -7;
        image[2, 3, 4] = 99;
        ImageFile.Write(image.ToImage(), tmp.File("o.nrrd"));
        var (code, output) = CliRunner.Run("info", tmp.File("o.nrrd"), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal("int16", r.GetProperty("pixel_type").GetString());
        Assert.Equal([3, 4, 5], r.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(-7, r.GetProperty("min").GetDouble());
        Assert.Equal(99, r.GetProperty("max").GetDouble());
        Assert.Equal("PRS", r.GetProperty("orientation").GetString());
        Assert.Equal(1.0, r.GetProperty("origin")[0].GetDouble());
    }

    [Fact]
    public void Info_on_a_bad_file_prints_one_error_naming_it_and_fails()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("broken.nii"), new byte[100]);
        var (code, stdout, output) = CliRunner.RunSplit("info", tmp.File("broken.nii"));
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("error:", output, StringComparison.Ordinal);
        Assert.Contains("broken.nii", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
