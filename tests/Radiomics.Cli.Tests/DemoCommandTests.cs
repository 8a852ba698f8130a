using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_writes_a_readable_synthetic_scan_and_mask()
    {
        using var tmp = new TempDirectory();
        var (code, output) = CliRunner.Run("demo", "-o", tmp.Path);
        Assert.Equal(0, code);
        var image = ImageFile.Read(Path.Combine(tmp.Path, "synthetic_ct.nii.gz"));
        var mask = ImageFile.ReadLabelMap(Path.Combine(tmp.Path, "synthetic_ct_mask.nii.gz"));
        Assert.True(mask.Geometry.Matches(image.Geometry));
        Assert.True(mask.Count(1) > 1000);
        Assert.Contains("Tumour mask", output, StringComparison.Ordinal);
    }
}
