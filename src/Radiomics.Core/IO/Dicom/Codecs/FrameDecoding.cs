using System.Buffers.Binary;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// What every decoder shares: the output checks, storing a decoded sample, reading a JPEG marker segment, and turning
/// stream errors into errors naming the file.
/// </summary>
internal static class FrameDecoding
{
    /// <summary>Decodes one frame of <paramref name="encoded"/> into <paramref name="output"/>.</summary>
    public delegate void FrameDecoder(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output);

    /// <summary>
    /// Checks the output, runs <paramref name="decode"/> and reports a damaged stream as an error naming the file and
    /// the codec: the body of every decoder's <see cref="IFrameDecoder.Decode"/>.
    /// </summary>
    public static void Decode(string codec, ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output, string filePath, FrameDecoder decode)
    {
        CheckOutput(codec, format, output.Length, filePath);
        try
        {
            decode(encoded, format, output);
        }
        catch (CodecStreamException e)
        {
            throw Error(codec, filePath, e);
        }
    }

    /// <summary>Throws unless the output span and the frame format agree and the format is one decoders write.</summary>
    public static void CheckOutput(string codec, FrameFormat format, int outputLength, string filePath)
    {
        if (format.Rows <= 0 || format.Columns <= 0 || format.SamplesPerPixel is not (1 or 3)
            || format.BitsAllocated is not (8 or 16 or 32) || format.BitsStored < 1 || format.BitsStored > format.BitsAllocated)
        {
            throw new ImageFileException(filePath, ImageFileProblem.Unsupported,
                $"{codec}: cannot decode a frame of {format.Rows}×{format.Columns}, {format.SamplesPerPixel} samples per pixel, "
                + $"{format.BitsStored} of {format.BitsAllocated} bits");
        }

        if (outputLength != format.DecodedLength)
        {
            throw new ArgumentException(
                $"The output holds {outputLength} bytes but the frame needs {format.DecodedLength}.", nameof(outputLength));
        }
    }

    /// <summary>The error for a damaged stream, naming the file and the codec.</summary>
    public static ImageFileException Error(string codec, string filePath, CodecStreamException e) =>
        new(filePath, e.IsUnsupported ? ImageFileProblem.Unsupported : ImageFileProblem.CorruptCompression, $"{codec}: {e.Message}", e);

    /// <summary>Stores sample <paramref name="value"/> as sample <paramref name="index"/> of a little-endian frame of <paramref name="bytes"/>-byte samples.</summary>
    public static void WriteSample(Span<byte> output, int index, int bytes, int value)
    {
        switch (bytes)
        {
            case 1:
                output[index] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(output[(2 * index)..], (ushort)value);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(output[(4 * index)..], value);
                break;
        }
    }

    /// <summary>
    /// The payload of the marker segment whose length field starts at <paramref name="p"/> (JPEG and JPEG-LS share the
    /// layout); advances <paramref name="p"/> past it. A length beyond the stream is a <see cref="CodecStreamException"/>.
    /// </summary>
    public static ReadOnlySpan<byte> MarkerSegment(ReadOnlySpan<byte> data, ref int p, int marker)
    {
        if (p + 2 > data.Length)
        {
            throw new CodecStreamException($"marker 0x{marker:X2} at byte {p - 2} has no length");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[p..]);
        if (length < 2 || p + length > data.Length)
        {
            throw new CodecStreamException($"marker 0x{marker:X2} declares {length} bytes; {data.Length - p} remain");
        }

        var segment = data.Slice(p + 2, length - 2);
        p += length;
        return segment;
    }
}
