using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary><c>radiomics convert</c> and <c>radiomics dicom</c> on a small DICOM study written with the toolkit's own SEG writer and a NIfTI-to-DICOM round trip.</summary>
public class DicomCommandTests
{
    /// <summary>A 6×5×4 CT series from pydicom-free means: the SEG writer needs a series, so the study is made by converting through DICOM SEG.</summary>
    private static string WriteStudy(TempDirectory tmp)
    {
        // One axial CT series written slice by slice (as a scanner would), then a SEG of a label map on it.
        string folder = tmp.File("study/ct");
        Directory.CreateDirectory(folder);
        var geometry = ImageGeometry.Create(6, 5, 4, new Vec3(0.5, 0.75, 2.5), new Vec3(-10, -20, 30));
        var image = new ImageBuilder<short>(geometry);
        for (int i = 0; i < image.VoxelCount; i++)
        {
            image.Voxels[i] = (short)(i - 50);
        }

        DicomTestSeries.Write(image.ToImage(), folder);
        return folder;
    }

    [Fact]
    public void Convert_writes_the_series_and_a_seg_that_converts_back()
    {
        using var tmp = new TempDirectory();
        string ct = WriteStudy(tmp);
        var (code, output) = CliRunner.Run("convert", ct, tmp.File("ct.nii.gz"));
        Assert.True(code == 0, output);
        var image = (Image<short>)ImageFile.Read(tmp.File("ct.nii.gz"));
        Assert.Equal(new Size3(6, 5, 4), image.Geometry.Size);
        Assert.Equal((short)(image.LinearIndex(5, 4, 3) - 50), image[5, 4, 3]);

        var labels = new ImageBuilder<byte>(image.Geometry);
        labels[2, 2, 1] = 1;
        labels[3, 2, 2] = 2;
        ImageFile.Write(labels.ToImage(), tmp.File("labels.nii.gz"));
        (code, output) = CliRunner.Run("convert", tmp.File("labels.nii.gz"), tmp.File("study/seg.dcm"), "--reference", ct);
        Assert.True(code == 0, output);
        (code, output) = CliRunner.Run("convert", tmp.File("study/seg.dcm"), tmp.File("seg2.nrrd"), "--segment", "2");
        Assert.True(code == 0, output);
        var back = ImageFile.ReadLabelMap(tmp.File("seg2.nrrd"));
        Assert.Equal(1, back[3, 2, 2]);
        Assert.Equal(1, back.Count(1));

        // The same label map as an RTSTRUCT, read back by ROI name with the series found beside it.
        (code, output) = CliRunner.Run("convert", tmp.File("labels.nii.gz"), tmp.File("study/rtss.dcm"), "--reference", ct, "--rtstruct");
        Assert.True(code == 0, output);
        Assert.Contains("RTSTRUCT of labels.nii.gz (2 ROIs)", output, StringComparison.Ordinal);
        (code, output) = CliRunner.Run("convert", tmp.File("study/rtss.dcm"), tmp.File("roi2.nrrd"), "--roi", "roi 2");
        Assert.True(code == 0, output);
        var roi2 = ImageFile.ReadLabelMap(tmp.File("roi2.nrrd"));
        Assert.Equal(1, roi2[3, 2, 2]);
        Assert.Equal(1, roi2.Count(1));
        File.Delete(tmp.File("study/rtss.dcm"));

        (code, output) = CliRunner.Run("dicom", tmp.File("study"));
        Assert.True(code == 0, output);
        Assert.Contains("6×5×4", output, StringComparison.Ordinal);
        Assert.Contains("1 Segment 1, 2 Segment 2", output, StringComparison.Ordinal);
        Assert.Contains("2 series, 1 studies, 1 patients", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_errors_name_the_problem()
    {
        using var tmp = new TempDirectory();
        string ct = WriteStudy(tmp);
        var (code, _, error) = CliRunner.RunSplit("convert", ct, tmp.File("x.nii"), "--suv", "bw");
        Assert.Equal(1, code);
        Assert.Contains("error: DICOM series", error, StringComparison.Ordinal);
        Assert.Contains("Units (0054,1001)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp.File("x.nii")));
        (code, _, error) = CliRunner.RunSplit("convert", ct, tmp.File("x.nii"), "--suv", "xx");
        Assert.Equal(2, code); // a usage error
        Assert.Contains("--suv must be bw, lbm or bsa", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_monochrome1_writes_the_stored_values_instead_of_inverting_them()
    {
        using var tmp = new TempDirectory();
        string ct = WriteStudy(tmp);
        foreach (string file in Directory.GetFiles(ct))
        {
            // Same length, so no element length changes: MONOCHROME2 becomes MONOCHROME1.
            var bytes = File.ReadAllBytes(file);
            int at = bytes.AsSpan().IndexOf("MONOCHROME2"u8);
            Assert.True(at > 0, file);
            bytes[at + 10] = (byte)'1';
            File.WriteAllBytes(file, bytes);
        }

        var (code, output) = CliRunner.Run("convert", ct, tmp.File("inverted.nii"));
        Assert.True(code == 0, output);
        (code, output) = CliRunner.Run("convert", ct, tmp.File("stored.nii"), "--keep-monochrome1");
        Assert.True(code == 0, output);
        var inverted = (Image<short>)ImageFile.Read(tmp.File("inverted.nii"));
        var stored = (Image<short>)ImageFile.Read(tmp.File("stored.nii"));
        for (int i = 0; i < stored.VoxelCount; i++)
        {
            // Stored as written (i − 50); inverted over the signed 16-bit range: −32768 + 32767 − stored = −1 − stored.
            Assert.Equal((short)(i - 50), stored.Voxels[i]);
            Assert.Equal((short)(-1 - (i - 50)), inverted.Voxels[i]);
        }
    }
}
