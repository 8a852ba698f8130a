using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>
/// Hostile values in a settings or params file, or in a numeric DICOM option, through the command line: one
/// <c>error:</c> line naming the file (or option) and the problem, never a stack trace, never an output file.
/// </summary>
public sealed class HostileSettingsCliTests
{
    public static TheoryData<string, string, string> Files => new()
    {
        { "settings.yaml", "resampling:\n  spacing: [1e300, 1, 1]\n", "spacing" },
        { "settings.yaml", "discretisation:\n  method: fixed_bin_size\n  bin_width: .nan\n", "settings.yaml" },
        { "settings.yaml", "texture:\n  distance: -2071986176\n", "distance" },
        { "params.yaml", "setting:\n  binWidth: -1\n", "binWidth" },
        { "params.yaml", "setting:\n  resampledPixelSpacing: [.nan, 1, 1]\n", "resampledPixelSpacing" },
        { "params.yaml", "imageType:\n  LoG: {sigma: [2147483648]}\n", "sigma" },
        { "params.yaml", "setting:\n  binCount: -2071986176\n", "binCount" },
        { "params.yaml", "setting:\n  distances: [0]\n", "distances" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_hostile_value_in_a_settings_file_is_one_error_line_naming_the_file(string name, string text, string named)
    {
        using var tmp = new TempDirectory();
        var (image, mask) = Scan(tmp);
        string settings = tmp.File(name);
        File.WriteAllText(settings, text);
        var (code, output, error) = CliRunner.RunSplit("extract", image, mask, "--params", settings, "-o", tmp.File("features.csv"));
        Assert.True(code is 1 or 2, $"exit {code}: {output} {error}");
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("features.csv")));
    }

    [Theory]
    [InlineData("--volume", "0")]
    [InlineData("--volume", "-3")]
    [InlineData("--segment", "-1")]
    public void A_non_positive_volume_or_segment_number_is_refused_naming_the_option(string option, string value)
    {
        using var tmp = new TempDirectory();
        var (image, _) = Scan(tmp);
        var (code, _, error) = CliRunner.RunSplit("convert", image, tmp.File("out.nii"), option, value);
        Assert.Equal(2, code);
        Assert.Contains($"{option} must be", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("out.nii")));
    }

    private static (string Image, string Mask) Scan(TempDirectory tmp)
    {
        var geometry = ImageGeometry.Create(10, 10, 6, new Vec3(1, 1, 2), Vec3.Zero);
        var image = new ImageBuilder<short>(geometry);
        var mask = new ImageBuilder<byte>(geometry);
        var random = new Random(5);
        for (int i = 0; i < image.VoxelCount; i++)
        {
            image.Voxels[i] = (short)random.Next(0, 200);
        }

        for (int z = 2; z < 4; z++)
        {
            for (int y = 3; y < 7; y++)
            {
                for (int x = 3; x < 7; x++)
                {
                    mask[x, y, z] = 1;
                }
            }
        }

        ImageFile.Write(image.ToImage(), tmp.File("image.nii.gz"));
        ImageFile.Write(mask.ToImage(), tmp.File("mask.nii.gz"));
        return (tmp.File("image.nii.gz"), tmp.File("mask.nii.gz"));
    }
}
