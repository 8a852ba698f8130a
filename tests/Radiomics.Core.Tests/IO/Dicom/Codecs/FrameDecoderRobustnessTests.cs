using FsCheck;
using FsCheck.Fluent;
using Radiomics.IO;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.Core.Tests.IO.Dicom.Codecs;

/// <summary>Damaged and lying streams: a typed error naming the file, never another exception, never a larger allocation.</summary>
public class FrameDecoderRobustnessTests(CodecFixtures fixtures) : IClassFixture<CodecFixtures>
{
    public static TheoryData<string> OnePerCodec => new(
        "rle_s16", "rle_rgb8", "jll_sv1_s16", "jll_p14_sv7_u16", "jpeg_baseline_u8", "jpeg_extended_u12", "jls_s16", "jls_near2_u16",
        "jls_rgb8", "j2k_s16", "j2k_lossy_s16");

    public static TheoryData<string> Managed => new(
        "rle_s16", "rle_rgb8", "jll_sv1_s16", "jll_p14_sv7_u16", "jpeg_baseline_u8", "jpeg_extended_u12", "jls_s16", "jls_near2_u16", "jls_rgb8");

    [CodecFixtureTheory]
    [MemberData(nameof(OnePerCodec))]
    public void Truncated_stream_is_a_corrupt_compression_error_naming_the_file(string name)
    {
        var c = fixtures[name];
        foreach (var fraction in new[] { 0.1, 0.5, 0.9 })
        {
            var truncated = c.Encoded.AsSpan(0, (int)(c.Encoded.Length * fraction)).ToArray();
            var e = Assert.Throws<ImageFileException>(() => Decode(c, truncated, c.Format));
            Assert.Equal(ImageFileProblem.CorruptCompression, e.Problem);
            Assert.Equal(c.Name + ".dcm", e.FilePath);
        }
    }

    [CodecFixtureTheory]
    [MemberData(nameof(OnePerCodec))]
    public void Stream_whose_size_differs_from_the_data_set_is_an_error(string name)
    {
        var c = fixtures[name];
        foreach (var lie in new[] { c.Format with { Rows = c.Format.Rows * 2 }, c.Format with { Columns = c.Format.Columns / 2 } })
        {
            var e = Assert.Throws<ImageFileException>(() => Decode(c, c.Encoded, lie));
            Assert.Equal(ImageFileProblem.CorruptCompression, e.Problem);
        }
    }

    [CodecFixtureTheory]
    [MemberData(nameof(Managed))]
    public void Damaged_bytes_decode_or_raise_a_typed_error_only(string name)
    {
        var c = fixtures[name];
        var gen = Gen.Choose(0, c.Encoded.Length - 1).Zip(Gen.Choose(0, 255)).ArrayOf().Where(a => a.Length is > 0 and < 8);
        Prop.ForAll(gen.ToArbitrary(), edits =>
        {
            var damaged = (byte[])c.Encoded.Clone();
            foreach (var (at, value) in edits)
            {
                damaged[at] = (byte)value;
            }

            try
            {
                Decode(c, damaged, c.Format);
            }
            catch (ImageFileException e)
            {
                Assert.Equal(c.Name + ".dcm", e.FilePath);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Unknown_transfer_syntax_has_no_decoder_and_known_ones_do()
    {
        Assert.Null(FrameDecoders.ForTransferSyntax("1.2.840.10008.1.2.4.100"));
        foreach (var uid in new[]
                 {
                     "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                     "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90",
                     "1.2.840.10008.1.2.4.91",
                 })
        {
            Assert.NotNull(FrameDecoders.ForTransferSyntax(uid + "\0"));
        }
    }

    [Fact]
    public void Jpeg_without_start_of_image_is_corrupt()
    {
        var e = DecodeJpeg([0x00, 0x01, 0x02, 0x03, 0x04]);
        Assert.Equal(ImageFileProblem.CorruptCompression, e.Problem);
        Assert.Contains("start-of-image", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progressive_jpeg_is_unsupported_with_its_process_named()
    {
        byte[] stream = [0xFF, 0xD8, 0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x00, 0x04, 0x00, 0x04, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];
        var e = DecodeJpeg(stream);
        Assert.Equal(ImageFileProblem.Unsupported, e.Problem);
        Assert.Contains("SOF2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overfull_huffman_table_is_corrupt()
    {
        // DHT: class 0, id 0, three codes of length 1 (only two exist).
        byte[] stream = [0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x16, 0x00, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0xFF, 0xD9];
        var e = DecodeJpeg(stream);
        Assert.Equal(ImageFileProblem.CorruptCompression, e.Problem);
        Assert.Contains("Huffman", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_before_frame_header_and_lying_segment_length_are_corrupt()
    {
        var e1 = DecodeJpeg([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9]);
        Assert.Contains("scan before the frame header", e1.Message, StringComparison.Ordinal);
        var e2 = DecodeJpeg([0xFF, 0xD8, 0xFF, 0xC4, 0x7F, 0xFF, 0x00]);
        Assert.Contains("declares 32767 bytes", e2.Message, StringComparison.Ordinal);
    }

    private static ImageFileException DecodeJpeg(byte[] stream)
    {
        var format = new FrameFormat(4, 4, 1, 8, 8, false);
        return Assert.Throws<ImageFileException>(() => new JpegDecoder().Decode(stream, format, new byte[16], "x.dcm"));
    }

    private static void Decode(CodecCase c, byte[] encoded, FrameFormat format)
    {
        var output = new byte[format.DecodedLength];
        FrameDecoders.ForTransferSyntax(c.TransferSyntaxUid)!.Decode(encoded, format, output, c.Name + ".dcm");
    }
}
