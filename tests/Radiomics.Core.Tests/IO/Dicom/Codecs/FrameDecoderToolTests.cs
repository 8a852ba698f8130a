using System.Buffers.Binary;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.Core.Tests.IO.Dicom.Codecs;

/// <summary>Every decoder against dcmtk's and gdcm's own decoding of the same frame.</summary>
public class FrameDecoderToolTests(CodecFixtures fixtures) : IClassFixture<CodecFixtures>
{
    public static TheoryData<string> Rle => new("rle_s16", "rle_u16", "rle_u8", "rle_rgb8", "rle_gdcm_s16");

    public static TheoryData<string> JpegLossless => new(
        "jll_sv1_s16", "jll_sv1_u16", "jll_sv1_u8", "jll_sv1_u12", "jll_p14_sv1_u16", "jll_p14_sv2_u16", "jll_p14_sv3_u16",
        "jll_p14_sv4_u16", "jll_p14_sv5_u16", "jll_p14_sv6_u16", "jll_p14_sv7_u16", "jll_sv7_s16", "jll_rgb8", "jll_gdcm_s16", "jll_gdcm_u8");

    public static TheoryData<string> JpegLossy => new("jpeg_baseline_u8", "jpeg_extended_u8", "jpeg_extended_u12", "jpeg_gdcm_u8");

    public static TheoryData<string> JpegLs => new(
        "jls_s16", "jls_u16", "jls_u12", "jls_u8", "jls_rgb8", "jls_rgb8_planes", "jls_near2_u16", "jls_near3_u12", "jls_near2_u8", "jls_gdcm_s16");

    public static TheoryData<string> Jpeg2000 => new("j2k_s16", "j2k_u16", "j2k_u8", "j2k_lossy_s16", "j2k_lossy_u16");

    [CodecFixtureTheory]
    [MemberData(nameof(Rle))]
    [MemberData(nameof(JpegLossless))]
    [MemberData(nameof(JpegLossy))]
    [MemberData(nameof(JpegLs))]
    [MemberData(nameof(Jpeg2000))]
    public void Decoder_matches_the_tools_own_decoding(string name)
    {
        var c = fixtures[name];
        var decoded = Decode(c);
        Assert.Equal(c.Reference.Length, decoded.Length);
        var (worst, at) = MaxDifference(c, decoded, c.Reference);
        Assert.True(worst == 0, $"{name}: differs from the tool's decoding by up to {worst} (sample {at})");
        if (c.Lossless)
        {
            Assert.Equal(c.Source, decoded);
        }
        else if (c.MaxDeviation >= 0)
        {
            var (fromSource, _) = MaxDifference(c, decoded, c.Source);
            Assert.InRange(fromSource, 0, c.MaxDeviation);
        }
    }

    [CodecFixtureTheory]
    [InlineData("jpeg_baseline_rgb8", "colour")]
    [InlineData("jls_rgb8_samples", "sample-interleaved")]
    public void Features_not_implemented_are_reported_as_unsupported(string name, string feature)
    {
        var c = fixtures[name];
        var e = Assert.Throws<Radiomics.IO.ImageFileException>(() => Decode(c));
        Assert.Equal(Radiomics.IO.ImageFileProblem.Unsupported, e.Problem);
        Assert.Contains(feature, e.Message, StringComparison.Ordinal);
        Assert.Contains(name + ".dcm", e.Message, StringComparison.Ordinal);
    }

    internal static byte[] Decode(CodecCase c)
    {
        var decoder = FrameDecoders.ForTransferSyntax(c.TransferSyntaxUid);
        Assert.NotNull(decoder);
        var output = new byte[c.Format.DecodedLength];
        decoder.Decode(c.Encoded, c.Format, output, c.Name + ".dcm");
        return output;
    }

    internal static (long Worst, int At) MaxDifference(CodecCase c, byte[] a, byte[] b)
    {
        long worst = 0;
        var at = -1;
        var bytes = c.Format.BitsAllocated / 8;
        for (var i = 0; i < a.Length / bytes; i++)
        {
            long x = bytes == 1 ? a[i] : BinaryPrimitives.ReadUInt16LittleEndian(a.AsSpan(2 * i));
            long y = bytes == 1 ? b[i] : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(2 * i));
            if (c.Format.IsSigned && bytes == 2)
            {
                x = (short)x;
                y = (short)y;
            }

            if (Math.Abs(x - y) > worst)
            {
                worst = Math.Abs(x - y);
                at = i;
            }
        }

        return (worst, at);
    }
}
