using System.Buffers.Binary;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// RLE Lossless (1.2.840.10008.1.2.5), DICOM PS3.5 annex G: a 64-byte header of segment offsets, then one PackBits
/// segment per byte plane (most significant byte of each sample first, sample planes in order).
/// </summary>
public sealed class RleDecoder : IFrameDecoder
{
    public const string RleLossless = "1.2.840.10008.1.2.5";

    private const string Codec = "RLE Lossless";

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [RleLossless];

    public void Decode(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output, string filePath) =>
        FrameDecoding.Decode(Codec, encoded, format, output, filePath, DecodeFrame);

    private static void DecodeFrame(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output)
    {
        if (encoded.Length < 64)
        {
            throw new CodecStreamException($"the frame has {encoded.Length} bytes, fewer than the 64-byte RLE header");
        }

        var bytesPerSample = format.BitsAllocated / 8;
        var segments = format.SamplesPerPixel * bytesPerSample;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(encoded);
        if (declared != segments)
        {
            throw new CodecStreamException($"the header declares {declared} segments; the frame needs {segments}");
        }

        var pixels = format.Rows * format.Columns;
        var segment = new byte[pixels];
        for (var s = 0; s < segments; s++)
        {
            var start = BinaryPrimitives.ReadUInt32LittleEndian(encoded[(4 + (4 * s))..]);
            var end = s + 1 < segments ? BinaryPrimitives.ReadUInt32LittleEndian(encoded[(8 + (4 * s))..]) : (uint)encoded.Length;
            if (start < 64 || start > end || end > encoded.Length)
            {
                throw new CodecStreamException($"segment {s + 1} lies at bytes {start}–{end}, outside the {encoded.Length}-byte frame");
            }

            UnpackBits(encoded[(int)start..(int)end], segment, s + 1);

            // Segment s holds byte (bytesPerSample - 1 - s % bytesPerSample) of sample plane s / bytesPerSample.
            var sample = s / bytesPerSample;
            var byteIndex = bytesPerSample - 1 - (s % bytesPerSample);
            int step, offset;
            if (format.PlanarConfiguration == 0)
            {
                step = format.SamplesPerPixel * bytesPerSample;
                offset = (sample * bytesPerSample) + byteIndex;
            }
            else
            {
                step = bytesPerSample;
                offset = (sample * pixels * bytesPerSample) + byteIndex;
            }

            for (var p = 0; p < pixels; p++)
            {
                output[offset + (p * step)] = segment[p];
            }
        }
    }

    /// <summary>
    /// Decodes one PackBits segment into <paramref name="target"/>. A last run that passes the end is clipped, and one
    /// byte of padding may follow, as dcmtk and gdcm accept; a segment that decodes short, or holds more than that after
    /// the frame is full (the data set understates the frame), is corrupt.
    /// </summary>
    internal static void UnpackBits(ReadOnlySpan<byte> source, Span<byte> target, int segmentNumber)
    {
        var i = 0;
        var o = 0;
        while (o < target.Length && i < source.Length)
        {
            var n = (sbyte)source[i++];
            if (n >= 0)
            {
                var count = n + 1;
                if (i + count > source.Length)
                {
                    throw new CodecStreamException($"segment {segmentNumber}: a literal run of {count} bytes passes the end of the segment");
                }

                var copy = Math.Min(count, target.Length - o);
                source.Slice(i, copy).CopyTo(target[o..]);
                i += count;
                o += copy;
            }
            else if (n != -128)
            {
                if (i >= source.Length)
                {
                    throw new CodecStreamException($"segment {segmentNumber}: a repeat run passes the end of the segment");
                }

                var count = Math.Min(1 - n, target.Length - o);
                target.Slice(o, count).Fill(source[i++]);
                o += count;
            }
        }

        if (o < target.Length)
        {
            throw new CodecStreamException($"segment {segmentNumber} decodes to {o} bytes; the frame needs {target.Length}");
        }

        if (source.Length - i > 1)
        {
            throw new CodecStreamException(
                $"segment {segmentNumber} holds {source.Length - i} more bytes after the {target.Length} the frame needs (the frame is larger than the data set says)");
        }
    }
}
