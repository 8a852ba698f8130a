using System.Buffers.Binary;
using System.Diagnostics;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>Hostile files: a typed error naming the file and the problem, in bounded time, never a partial image.</summary>
public class DicomFileHostileTests
{
    private static string OneSlice(TempDirectory tmp) => Path.Combine(SyntheticSeries.Write(tmp.Path, [30], nx: 64, ny: 64), "slice000.dcm");

    [Fact]
    public void Truncated_file_names_the_file()
    {
        using var tmp = new TempDirectory();
        string path = OneSlice(tmp);
        var bytes = File.ReadAllBytes(path);
        foreach (int keep in new[] { 100, 140, 300, bytes.Length / 2, bytes.Length - 1 })
        {
            Directory.CreateDirectory(tmp.File($"cut{keep}"));
            string cut = tmp.File($"cut{keep}/cut.dcm");
            File.WriteAllBytes(cut, bytes[..keep]);
            var e = Assert.Throws<ImageFileException>(() => DicomSeries.Read(cut));
            Assert.Equal(cut, e.FilePath);
            Assert.True(e.Problem is ImageFileProblem.Truncated or ImageFileProblem.BadMagic or ImageFileProblem.DataLengthMismatch, $"{keep}: {e.Problem} {e.Message}");
            File.Delete(cut);
        }
    }

    [Fact]
    public void Pixel_data_longer_than_the_file_is_truncation_not_an_allocation()
    {
        using var tmp = new TempDirectory();
        string path = OneSlice(tmp);
        var bytes = File.ReadAllBytes(path);
        int at = IndexOfTag(bytes, 0x7FE0, 0x0010);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 8), 0x7FFFFFF0);
        File.WriteAllBytes(path, bytes);
        long before = GC.GetTotalAllocatedBytes(true);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
        Assert.Equal(ImageFileProblem.Truncated, e.Problem);
        Assert.Contains("PixelData", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes(true) - before < 64L << 20, "reading allocated more than the file warrants");
    }

    [Fact]
    public void Lying_element_length_is_truncation_naming_the_element()
    {
        using var tmp = new TempDirectory();
        string path = OneSlice(tmp);
        var bytes = File.ReadAllBytes(path);
        int at = IndexOfTag(bytes, 0x0020, 0x0032);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 6), 0xFFF0);
        File.WriteAllBytes(path, bytes[..(at + 200)]);
        var e = Assert.Throws<ImageFileException>(() => DicomFile.Open(path));
        Assert.Equal(ImageFileProblem.Truncated, e.Problem);
        Assert.Contains("(0020,0032)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deep_or_endless_sequence_nesting_stops_with_an_error(bool delimited)
    {
        using var tmp = new TempDirectory();
        // 10,000 nested undefined-length sequences (each one item deep), closed or never closed.
        using var ms = new MemoryStream();
        ms.Write(new byte[128]);
        ms.Write("DICM"u8);
        var meta = MetaGroup(TransferSyntax.ExplicitVrLittleEndian);
        ms.Write(meta);
        for (int i = 0; i < 10_000; i++)
        {
            ms.Write([0x08, 0x00, 0x15, 0x11, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
            ms.Write([0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]);
        }

        if (delimited)
        {
            for (int i = 0; i < 10_000; i++)
            {
                ms.Write([0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0, 0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);
            }
        }

        string path = tmp.File("nested.dcm");
        File.WriteAllBytes(path, ms.ToArray());
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<ImageFileException>(() => DicomFile.Open(path));
        Assert.Equal(ImageFileProblem.InvalidHeader, e.Problem);
        Assert.Contains("nested more than", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Unsupported_transfer_syntax_names_the_file_and_the_syntax()
    {
        using var tmp = new TempDirectory();
        string path = OneSlice(tmp);
        var bytes = File.ReadAllBytes(path);
        // Re-label the file as MPEG-2 with encapsulated pixel data holding one garbage fragment.
        int pixel = IndexOfTag(bytes, 0x7FE0, 0x0010);
        using var ms = new MemoryStream();
        ms.Write(new byte[128]);
        ms.Write("DICM"u8);
        ms.Write(MetaGroup("1.2.840.10008.1.2.4.100"));
        int start = IndexOfTag(bytes, 0x0008, 0x0016);
        ms.Write(bytes.AsSpan(start, pixel - start));
        ms.Write([0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'B', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
        ms.Write([0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0]);
        ms.Write([0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 1, 2, 3, 4]);
        ms.Write([0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);
        File.WriteAllBytes(path, ms.ToArray());
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
        Assert.Equal(ImageFileProblem.Unsupported, e.Problem);
        Assert.Contains("MPEG-2 (1.2.840.10008.1.2.4.100)", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Not_dicom_is_bad_magic()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("text.dcm");
        File.WriteAllText(path, new string('x', 400));
        var e = Assert.Throws<ImageFileException>(() => DicomFile.Open(path));
        Assert.Equal(ImageFileProblem.BadMagic, e.Problem);
    }

    private static byte[] MetaGroup(string transferSyntax)
    {
        var uid = System.Text.Encoding.ASCII.GetBytes(transferSyntax.Length % 2 == 1 ? transferSyntax + "\0" : transferSyntax);
        var element = new byte[8 + uid.Length];
        element[0] = 0x02;
        element[2] = 0x10;
        element[4] = (byte)'U';
        element[5] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(element.AsSpan(6), (ushort)uid.Length);
        uid.CopyTo(element, 8);
        var group = new byte[12];
        group[0] = 0x02;
        group[4] = (byte)'U';
        group[5] = (byte)'L';
        group[6] = 4;
        BinaryPrimitives.WriteUInt32LittleEndian(group.AsSpan(8), (uint)element.Length);
        return [.. group, .. element];
    }

    private static int IndexOfTag(byte[] bytes, ushort group, ushort element)
    {
        for (int i = 132; i + 4 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i)) == group && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 2)) == element)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"tag ({group:X4},{element:X4}) not found");
    }
}
