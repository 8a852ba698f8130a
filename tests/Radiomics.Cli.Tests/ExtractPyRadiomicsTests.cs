using System.Globalization;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary><c>extract</c> with a PyRadiomics params file, <c>--format pyradiomics</c> and <c>--batch</c>.</summary>
public class ExtractPyRadiomicsTests
{
    private static (string Image, string Mask) WriteCube(TempDirectory tmp, string name)
    {
        var g = ImageGeometry.Create(10, 10, 6, new Vec3(1, 1, 2));
        var image = new ImageBuilder<short>(g);
        var labels = new ImageBuilder<byte>(g);
        for (int z = 0; z < 6; z++)
        {
            for (int y = 0; y < 10; y++)
            {
                for (int x = 0; x < 10; x++)
                {
                    image[x, y, z] = (short)((x * 37 % 11 * 20) + (y * 13 % 7 * 15) + (z * 5));
                    labels[x, y, z] = x is > 1 and < 8 && y is > 1 and < 8 && z is > 0 and < 5 ? (byte)1 : (byte)0;
                }
            }
        }

        string imagePath = tmp.File(name + "_image.nrrd"), maskPath = tmp.File(name + "_label.nrrd");
        ImageFile.Write(image.ToImage(), imagePath);
        ImageFile.Write(new LabelMap(labels.ToImage()), maskPath);
        return (imagePath, maskPath);
    }

    private static string Params(TempDirectory tmp)
    {
        var path = tmp.File("params.yaml");
        File.WriteAllText(path, "setting:\n  binWidth: 25\n  label: 1\nimageType:\n  Original: {}\n  Square: {}\nfeatureClass:\n  firstorder:\n  glcm: [JointEntropy]\n  shape:\n");
        return path;
    }

    [Fact]
    public void A_PyRadiomics_params_file_writes_its_batch_csv_layout()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCube(tmp, "cube");
        var (code, output) = CliRunner.Run("extract", image, mask, "--params", Params(tmp), "--format", "pyradiomics", "-o", tmp.File("out.csv"));
        Assert.True(code == 0, output);
        var lines = File.ReadAllLines(tmp.File("out.csv"));
        Assert.Equal(2, lines.Length);
        var header = Cells(lines[0]);
        Assert.Equal("Image", header[0]);
        Assert.Equal("Mask", header[1]);
        Assert.Contains("diagnostics_Mask-original_VoxelNum", header);
        Assert.Contains("original_shape_VoxelVolume", header);
        Assert.Contains("original_glcm_JointEntropy", header);
        Assert.Contains("square_firstorder_Mean", header);
        Assert.DoesNotContain("original_glcm_Idm", header);
        var firstFeature = Array.FindIndex(header, h => !h.StartsWith("diagnostics_", StringComparison.Ordinal) && h is not "Image" and not "Mask");
        Assert.True(header.Skip(firstFeature).All(h => !h.StartsWith("diagnostics_", StringComparison.Ordinal)), "diagnostics come before features");

        // 6 × 6 × 4 voxels of 2 mm³.
        var row = Cells(lines[1]);
        Assert.Equal(288, double.Parse(row[Array.IndexOf(header, "original_shape_VoxelVolume")], CultureInfo.InvariantCulture), 9);
        Assert.Contains("pyradiomics flavour", File.ReadAllText(tmp.File("out.params.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Voxel_based_extraction_writes_one_map_per_feature_with_the_voxel_settings()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCube(tmp, "cube");
        var parameters = tmp.File("voxel.yaml");
        File.WriteAllText(parameters, "setting:\n  binWidth: 25\nimageType:\n  Original: {}\nfeatureClass:\n  firstorder: [Mean, Maximum]\n  glcm: [Contrast]\n  shape:\nvoxelSetting:\n  kernelRadius: 1\n  initValue: -1\n");
        var (code, output) = CliRunner.Run("extract", image, mask, "--params", parameters, "--voxel-based", "-o", tmp.File("maps"));
        Assert.True(code == 0, output);
        Assert.Equal(
            ["original_firstorder_Maximum.nrrd", "original_firstorder_Mean.nrrd", "original_glcm_Contrast.nrrd"],
            Directory.GetFiles(tmp.File("maps")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The maps cover the ROI's box (6 × 6 × 4) padded by the kernel radius; voxel (3, 3, 2) of the image is the
        // mean of its 3 × 3 × 3 kernel, all inside the ROI; outside the ROI the map holds initValue.
        var mean = ImageFile.Read(Path.Combine(tmp.File("maps"), "original_firstorder_Mean.nrrd")).ConvertTo<double>();
        Assert.Equal(new Size3(8, 8, 6), mean.Geometry.Size);
        var source = ImageFile.Read(image).ConvertTo<double>();
        double sum = 0;
        for (int dz = -1; dz <= 1; dz++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    sum += source[3 + dx, 3 + dy, 2 + dz];
                }
            }
        }

        Assert.Equal(sum / 27, mean[2, 2, 2], 9);
        Assert.Equal(-1, mean[0, 0, 0]);
    }

    [Fact]
    public void Voxel_based_extraction_of_only_shape_is_an_error_naming_the_params_file()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCube(tmp, "cube");
        var parameters = tmp.File("shape.yaml");
        File.WriteAllText(parameters, "imageType:\n  Original: {}\nfeatureClass:\n  shape:\n");
        var (code, output) = CliRunner.Run("extract", image, mask, "--params", parameters, "--voxel-based", "-o", tmp.File("maps"));
        Assert.Equal(1, code);
        Assert.Contains("error: shape.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PyRadiomics_params_file_gives_a_tidy_table_by_default()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCube(tmp, "cube");
        var (code, output) = CliRunner.Run("extract", image, mask, "-p", Params(tmp), "-o", tmp.File("tidy.csv"));
        Assert.True(code == 0, output);
        var table = FeatureTable.ReadCsv(tmp.File("tidy.csv"));
        var row = Assert.Single(table, r => r.ImageType == "original" && r.Family == "shape" && r.Feature == "VoxelVolume");
        Assert.Equal(288, row.Value, 9);
    }

    [Fact]
    public void Batch_mode_keeps_going_past_a_failed_case()
    {
        using var tmp = new TempDirectory();
        var (image1, mask1) = WriteCube(tmp, "a");
        var (image2, mask2) = WriteCube(tmp, "b");
        File.WriteAllText(tmp.File("cases.csv"),
            $"Image,Mask,Label\n{Path.GetFileName(image1)},{Path.GetFileName(mask1)},1\nmissing.nrrd,{Path.GetFileName(mask1)},1\n{image2},{mask2},2\n{image2},{mask2},\n");
        var (code, stdout, stderr) = CliRunner.RunSplit("extract", "--batch", tmp.File("cases.csv"), "-p", Params(tmp), "--format", "pyradiomics", "-o", tmp.File("batch.csv"));
        Assert.Equal(1, code);
        Assert.Contains("error: case 2", stderr, StringComparison.Ordinal);
        Assert.Contains("error: case 3", stderr, StringComparison.Ordinal);
        Assert.Contains("Label (2) not present", stderr, StringComparison.Ordinal);
        var lines = File.ReadAllLines(tmp.File("batch.csv"));
        Assert.Equal(3, lines.Length); // header and the two cases that worked
        Assert.StartsWith("Image,Mask,Label,", lines[0], StringComparison.Ordinal);
        Assert.Contains("Wrote 2 of 4 cases", stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The procedure for checking a PyRadiomics test case: the recorded settings as a params file with one class and
    /// the Original image type, <c>extract --format pyradiomics</c>, compared column by column with the baseline.
    /// </summary>
    [PyRadiomicsBaselineFact]
    public void Brain1_glcm_through_the_command_line_matches_PyRadiomics_baseline()
    {
        using var tmp = new TempDirectory();
        var reference = PyRadiomicsReference.Read("glcm").Single(c => c.Column == "brain1");
        File.WriteAllText(tmp.File("p.json"), reference.ParamsFile("glcm"));
        var data = SharedData.Path("data", "pyradiomics");
        var (code, output) = CliRunner.Run("extract", Path.Combine(data, "brain1_image.nrrd"), Path.Combine(data, "brain1_label.nrrd"), "--params", tmp.File("p.json"), "--format", "pyradiomics", "-o", tmp.File("out.csv"));
        Assert.True(code == 0, output);
        var lines = File.ReadAllLines(tmp.File("out.csv"));
        var header = Cells(lines[0]);
        var values = Cells(lines[1]);
        foreach (var (name, expected) in reference.Values)
        {
            var actual = double.Parse(values[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"{name}: {actual} vs {expected}");
        }
    }

    /// <summary>The cells of a CSV line (quoted cells may hold commas).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
