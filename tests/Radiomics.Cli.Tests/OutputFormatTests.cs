using System.Globalization;
using System.Text.Json;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary><c>--format table|csv|json</c> through the one table printer, and plain CSV when output is redirected.</summary>
public class OutputFormatTests
{
    private static (string Image, string Mask) WritePhantom(TempDirectory dir, string name, int seed)
    {
        var (image, mask, _) = HabitatPhantom.Create(new HabitatPhantomSettings { Seed = seed });
        string imagePath = dir.File($"{name}.nii.gz"), maskPath = dir.File($"{name}_mask.nii.gz");
        ImageFile.Write(image, imagePath);
        ImageFile.Write(mask, maskPath);
        return (imagePath, maskPath);
    }

    [Fact]
    public void Habitats_as_json_is_one_array_of_the_measures_with_numbers()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "patient1", 1);
        var (code, stdout, stderr) = CliRunner.RunSplit(
            "habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", dir.File("out"), "--max-voxels-per-scan", "2000", "--format", "json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Equal(["scan", "image", "habitat", "voxels", "volume_mm3", "fraction", "components"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("habitat").GetInt32()));
        Assert.Equal(1.0, rows.Sum(r => r.GetProperty("fraction").GetDouble()), 12);
        // The same values as the measures file, and the messages on standard error.
        var file = File.ReadAllLines(Path.Combine(dir.File("out"), "habitat_measures.csv"));
        Assert.Equal(double.Parse(file[1].Split(',')[4], CultureInfo.InvariantCulture), rows[0].GetProperty("volume_mm3").GetDouble());
        Assert.Contains("3 habitats", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_output_without_format_is_csv_never_wrapped()
    {
        // CliRunner's console is not interactive, as when standard output is a file or a pipe.
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "a_scan_with_a_long_name_that_would_not_fit_in_eighty_columns_with_the_others", 1);
        var (code, stdout, stderr) = CliRunner.RunSplit("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", dir.File("out"), "--max-voxels-per-scan", "2000");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scan,image,habitat,voxels,volume_mm3,fraction,components", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(7, l.Split(',').Length));
        Assert.True(lines[1].Length > 80, lines[1]);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.File("out"), "habitat_measures.csv")), stdout);

        // --format table asks for the aligned table even when redirected.
        var (code2, table, _) = CliRunner.RunSplit("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", dir.File("out2"), "--max-voxels-per-scan", "2000", "--format", "table");
        Assert.Equal(0, code2);
        Assert.Contains("habitat 3", table, StringComparison.Ordinal);
        Assert.Contains("3 habitats", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_as_csv_prints_its_summary_row()
    {
        using var tmp = new TempDirectory();
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(24, 24, 8) });
        ImageFile.Write(scan.Image, tmp.File("fixed.nii.gz"));
        var (code, stdout, stderr) = CliRunner.RunSplit("register", tmp.File("fixed.nii.gz"), tmp.File("fixed.nii.gz"), "-o", tmp.File("reg"), "--affine-only", "--threads", "1", "--format", "csv");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("backend,seconds,threads,metric,jacobian_min,jacobian_max,folded_voxels,folded_volume_mm3,folding_guard_retries", lines[0]);
        var cells = lines[1].Split(',');
        Assert.Equal("ours", cells[0]);
        Assert.Equal("1", cells[2]);
        Assert.Equal(1.0, double.Parse(cells[4], CultureInfo.InvariantCulture), 3);
        Assert.Contains("Registered", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.RunSplit("delta", "features.csv", "-m", "manifest.csv", "-o", "out.csv", "--format", "xml");
        Assert.Equal(2, code);
        Assert.Contains("xml", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_cells_keep_numbers_and_turn_nan_into_null()
    {
        var table = new Tables.ResultTable(["name", "count", "value"], [["a,b", 3, double.NaN], ["c", 4L, 0.1]]);
        using var json = JsonDocument.Parse(TableOutput.ToJson(table));
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal("a,b", rows[0].GetProperty("name").GetString());
        Assert.Equal(3, rows[0].GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("value").ValueKind);
        Assert.Equal(0.1, rows[1].GetProperty("value").GetDouble());
        Assert.Equal("name,count,value\n\"a,b\",3,\nc,4,0.1\n", table.ToCsv());
    }
}
