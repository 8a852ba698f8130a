using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Radiomics.IO;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.Core.Tests.IO.Dicom.Codecs;

public class RleDecoderTests
{
    [Fact]
    public void Rle_round_trip_restores_every_frame_layout()
    {
        var gen =
            from rows in Gen.Choose(1, 12)
            from columns in Gen.Choose(1, 40)
            from samples in Gen.Elements(1, 3)
            from bits in Gen.Elements(8, 16, 32)
            from planar in Gen.Elements(0, 1)
            from runny in Gen.Elements(true, false)
            from seed in Gen.Choose(0, int.MaxValue)
            select (rows, columns, samples, bits, planar, runny, seed);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var format = new FrameFormat(c.rows, c.columns, c.samples, c.bits, c.bits, false, c.planar);
            var frame = new byte[format.DecodedLength];
            var random = new Random(c.seed);
            random.NextBytes(frame);
            if (c.runny)
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] = (byte)(frame[i] < 200 ? 7 : frame[i]);
                }
            }

            var encoded = Encode(frame, format);
            var decoded = new byte[frame.Length];
            new RleDecoder().Decode(encoded, format, decoded, "frame.dcm");
            Assert.Equal(frame, decoded);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rle_header_declaring_the_wrong_segment_count_names_the_file()
    {
        var format = new FrameFormat(4, 4, 1, 16, 16, false);
        var encoded = Encode(new byte[format.DecodedLength], format);
        BinaryPrimitives.WriteUInt32LittleEndian(encoded, 15);
        var e = Assert.Throws<ImageFileException>(() => new RleDecoder().Decode(encoded, format, new byte[format.DecodedLength], "ct/slice7.dcm"));
        Assert.Equal(ImageFileProblem.CorruptCompression, e.Problem);
        Assert.Contains("ct/slice7.dcm", e.Message, StringComparison.Ordinal);
        Assert.Contains("15 segments", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rle_segment_offset_beyond_the_frame_and_short_segments_are_corrupt()
    {
        var format = new FrameFormat(8, 8, 1, 8, 8, false);
        var encoded = Encode(new byte[64], format);
        var lying = (byte[])encoded.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(4), 100_000);
        var e1 = Assert.Throws<ImageFileException>(() => new RleDecoder().Decode(lying, format, new byte[64], "a.dcm"));
        Assert.Equal(ImageFileProblem.CorruptCompression, e1.Problem);

        var bigger = format with { Rows = 16 };
        var e2 = Assert.Throws<ImageFileException>(() => new RleDecoder().Decode(encoded, bigger, new byte[bigger.DecodedLength], "a.dcm"));
        Assert.Contains("decodes to 64 bytes; the frame needs 128", e2.Message, StringComparison.Ordinal);
    }

    /// <summary>A PackBits encoder (PS3.5 G.3.1) for the round trip: repeat runs of 3 or more, literal runs otherwise.</summary>
    internal static byte[] Encode(byte[] frame, FrameFormat format)
    {
        var bytesPerSample = format.BitsAllocated / 8;
        var pixels = format.Rows * format.Columns;
        var segments = format.SamplesPerPixel * bytesPerSample;
        var output = new List<byte>(new byte[64]);
        BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output), (uint)segments);
        for (var s = 0; s < segments; s++)
        {
            var offset = output.Count;
            BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output)[(4 + (4 * s))..], (uint)offset);
            var sample = s / bytesPerSample;
            var byteIndex = bytesPerSample - 1 - (s % bytesPerSample);
            var plane = new byte[pixels];
            for (var p = 0; p < pixels; p++)
            {
                plane[p] = format.PlanarConfiguration == 0
                    ? frame[(((p * format.SamplesPerPixel) + sample) * bytesPerSample) + byteIndex]
                    : frame[(((sample * pixels) + p) * bytesPerSample) + byteIndex];
            }

            var i = 0;
            while (i < pixels)
            {
                var run = 1;
                while (i + run < pixels && run < 128 && plane[i + run] == plane[i])
                {
                    run++;
                }

                if (run >= 3)
                {
                    output.Add((byte)(sbyte)(1 - run));
                    output.Add(plane[i]);
                    i += run;
                    continue;
                }

                var start = i;
                while (i < pixels && i - start < 128 && !(i + 2 < pixels && plane[i] == plane[i + 1] && plane[i] == plane[i + 2]))
                {
                    i++;
                }

                output.Add((byte)(i - start - 1));
                output.AddRange(plane.AsSpan(start, i - start));
            }

            if (output.Count % 2 == 1)
            {
                output.Add(0x80); // no-op byte keeps segments even
            }
        }

        return [.. output];
    }
}
