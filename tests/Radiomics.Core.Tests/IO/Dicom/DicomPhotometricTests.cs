using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>Photometric interpretations: MONOCHROME1 is inverted (value = max − stored) unless asked not to; colour images are refused by name.</summary>
public class DicomPhotometricTests
{
    [Fact]
    public void Monochrome1_signed_samples_are_inverted_before_the_rescale()
    {
        using var tmp = new TempDirectory();
        string folder = SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(3), edit: (_, w) => w
            .Text(DicomTags.PhotometricInterpretation, "CS", "MONOCHROME1")
            .Numbers(DicomTags.RescaleSlope, "DS", 2)
            .Numbers(DicomTags.RescaleIntercept, "DS", 10));
        var image = DicomSeries.Read(folder).ConvertTo<float>();
        var kept = DicomSeries.Read(folder, new DicomSeriesOptions { InvertMonochrome1 = false }).ConvertTo<float>();
        for (int k = 0; k < 3; k++)
        {
            // Signed 16-bit: min + max = −32768 + 32767 = −1, so stored' = −1 − stored.
            Assert.Equal(2f * (-1 - SyntheticSeries.Value(4, 3, k)) + 10, image[4, 3, k]);
            Assert.Equal(2f * SyntheticSeries.Value(4, 3, k) + 10, kept[4, 3, k]);
        }
    }

    [Fact]
    public void Monochrome1_unsigned_12_bit_samples_become_4095_minus_stored()
    {
        using var tmp = new TempDirectory();
        string folder = SyntheticSeries.Write(tmp.File("cr"), SyntheticSeries.Regular(2), edit: (_, w) => w
            .Text(DicomTags.PhotometricInterpretation, "CS", "MONOCHROME1")
            .Numbers(DicomTags.PixelRepresentation, "US", 0)
            .Numbers(DicomTags.BitsStored, "US", 12)
            .Numbers(DicomTags.HighBit, "US", 11));
        var image = DicomSeries.Read(folder);
        var values = image.ConvertTo<float>();
        for (int y = 0; y < 5; y++)
        {
            for (int x = 0; x < 6; x++)
            {
                int stored = (ushort)SyntheticSeries.Value(x, y, 1) & 0xFFF;
                Assert.Equal(4095 - stored, values[x, y, 1]);
            }
        }

        // The inverted range 0..4095 still fits a 16-bit integer image.
        Assert.IsType<Radiomics.Imaging.Image<short>>(image);
    }

    [Fact]
    public void Colour_image_is_refused_naming_the_file_and_its_photometric_interpretation()
    {
        using var tmp = new TempDirectory();
        string folder = WriteRgb(tmp.File("rgb"));
        var e = Assert.Throws<ImageFileException>(() => DicomSeries.Read(folder));
        Assert.Equal(ImageFileProblem.UnsupportedDataType, e.Problem);
        Assert.Contains("slice000.dcm", e.Message, StringComparison.Ordinal);
        Assert.Contains("SamplesPerPixel 3 (RGB)", e.Message, StringComparison.Ordinal);
    }

    [ToolFact("dcmcjpeg", "dcmtk")]
    public void Colour_baseline_jpeg_is_refused_naming_the_file_and_its_photometric_interpretation()
    {
        using var tmp = new TempDirectory();
        string rgb = WriteRgb(tmp.File("rgb"));
        Directory.CreateDirectory(tmp.File("jpeg"));
        string jpeg = tmp.File("jpeg/slice000.dcm");
        ExternalTool.Run("dcmcjpeg", "+eb", Path.Combine(rgb, "slice000.dcm"), jpeg);
        string photometric = DicomFile.OpenHeader(jpeg).Dataset.GetString(DicomTags.PhotometricInterpretation)!;
        Assert.StartsWith("YBR_FULL", photometric, StringComparison.Ordinal);
        Assert.Equal("1.2.840.10008.1.2.4.50", DicomFile.OpenHeader(jpeg).TransferSyntaxUid);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(jpeg));
        Assert.Equal(ImageFileProblem.UnsupportedDataType, e.Problem);
        Assert.Contains(jpeg, e.Message, StringComparison.Ordinal);
        Assert.Contains($"SamplesPerPixel 3 ({photometric})", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A one-slice 8-bit RGB image (6×5, interleaved samples).</summary>
    private static string WriteRgb(string folder)
    {
        var pixels = new byte[6 * 5 * 3];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 37);
        }

        return SyntheticSeries.Write(folder, [30], edit: (_, w) => w
            .Text(DicomTags.PhotometricInterpretation, "CS", "RGB")
            .Numbers(DicomTags.SamplesPerPixel, "US", 3)
            .Numbers(DicomTags.PlanarConfiguration, "US", 0)
            .Numbers(DicomTags.BitsAllocated, "US", 8)
            .Numbers(DicomTags.BitsStored, "US", 8)
            .Numbers(DicomTags.HighBit, "US", 7)
            .Numbers(DicomTags.PixelRepresentation, "US", 0)
            .Text(DicomTags.SopClassUid, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Bytes(DicomTags.PixelData, "OB", pixels));
    }
}
