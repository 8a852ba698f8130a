using System.Buffers.Binary;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.IO.Dicom;

/// <summary>
/// The image pixel module of a data set and its frames: native pixel data sliced by frame, encapsulated pixel data split
/// into frames (extended or basic offset table, else one fragment per frame, else frame starts found by their markers)
/// and decoded by <see cref="FrameDecoders"/>. Sample values come out as stored (no rescale).
/// </summary>
internal static class DicomPixelData
{
    /// <summary>The frame layout of a data set; checks the image pixel module.</summary>
    public static FrameFormat Format(DicomDataset ds, string path)
    {
        int rows = Required(ds, DicomTags.Rows, path);
        int columns = Required(ds, DicomTags.Columns, path);
        int bitsAllocated = Required(ds, DicomTags.BitsAllocated, path);
        int bitsStored = ds.GetInt(DicomTags.BitsStored, path) ?? bitsAllocated;
        int samples = ds.GetInt(DicomTags.SamplesPerPixel, path) ?? 1;
        bool signed = (ds.GetInt(DicomTags.PixelRepresentation, path) ?? 0) == 1;
        if (rows <= 0 || columns <= 0)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"Rows {rows} × Columns {columns}.");
        }

        if (bitsAllocated is not (1 or 8 or 16 or 32) || bitsStored < 1 || bitsStored > bitsAllocated)
        {
            throw new ImageFileException(path, ImageFileProblem.UnsupportedDataType, $"BitsAllocated {bitsAllocated} with BitsStored {bitsStored}; the toolkit reads 8, 16 and 32 bits (1 in segmentations).");
        }

        if (samples != 1)
        {
            throw new ImageFileException(path, ImageFileProblem.UnsupportedDataType, $"SamplesPerPixel {samples} ({ds.GetString(DicomTags.PhotometricInterpretation)}); radiomics needs grey images (one sample per pixel).");
        }

        return new FrameFormat(rows, columns, samples, bitsAllocated, bitsStored, signed);
    }

    public static int FrameCount(DicomDataset ds, string path)
    {
        int n = ds.GetInt(DicomTags.NumberOfFrames, path) ?? 1;
        if (n < 1)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"NumberOfFrames is {n}.");
        }

        return n;
    }

    /// <summary>
    /// Decodes frame <paramref name="frame"/> into <paramref name="output"/> as little-endian samples
    /// (<see cref="FrameFormat.DecodedLength"/> bytes; for 1-bit data, use <see cref="NativeBits"/>).
    /// </summary>
    public static void ReadFrame(DicomFile file, FrameFormat format, int frame, int frameCount, Span<byte> output)
    {
        var ds = file.Dataset;
        var element = ds[DicomTags.PixelData] ?? throw new ImageFileException(file.Path, ImageFileProblem.InvalidHeader, "the data set has no PixelData (7FE0,0010).");
        if (element.Fragments is { } fragments)
        {
            var decoder = FrameDecoders.ForTransferSyntax(file.TransferSyntaxUid)
                ?? throw new ImageFileException(file.Path, ImageFileProblem.Unsupported, $"transfer syntax {TransferSyntax.Name(file.TransferSyntaxUid)} ({file.TransferSyntaxUid}) has no decoder in this build.");
            var encoded = FrameBytes(file, fragments, frame, frameCount);
            decoder.Decode(encoded, format, output, file.Path);
            return;
        }

        if (!TransferSyntax.IsNative(file.TransferSyntaxUid))
        {
            throw new ImageFileException(file.Path, ImageFileProblem.InvalidHeader, $"transfer syntax {TransferSyntax.Name(file.TransferSyntaxUid)} needs encapsulated pixel data, but the PixelData element has a defined length.");
        }

        long frameLength = format.DecodedLength;
        var value = element.Value.Span;
        if (value.Length < frameLength * frameCount)
        {
            throw new ImageFileException(file.Path, ImageFileProblem.DataLengthMismatch, $"PixelData holds {value.Length} bytes; {frameCount} frame(s) of {format.Columns}×{format.Rows} at {format.BitsAllocated} bits need {frameLength * frameCount}.");
        }

        var src = value.Slice((int)(frameLength * frame), (int)frameLength);
        if (ds.BigEndian && format.BitsAllocated > 8)
        {
            if (format.BitsAllocated == 16)
            {
                BinaryPrimitives.ReverseEndianness(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(src), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(output));
            }
            else
            {
                BinaryPrimitives.ReverseEndianness(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(src), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(output));
            }
        }
        else
        {
            src.CopyTo(output);
        }
    }

    /// <summary>The native 1-bit pixel data of a segmentation (frames packed without padding between them).</summary>
    public static ReadOnlySpan<byte> NativeBits(DicomFile file, FrameFormat format, int frameCount)
    {
        var element = file.Dataset[DicomTags.PixelData] ?? throw new ImageFileException(file.Path, ImageFileProblem.InvalidHeader, "the data set has no PixelData (7FE0,0010).");
        if (element.Fragments is not null)
        {
            throw new ImageFileException(file.Path, ImageFileProblem.Unsupported, $"1-bit pixel data in transfer syntax {TransferSyntax.Name(file.TransferSyntaxUid)}.");
        }

        long bits = (long)format.Rows * format.Columns * frameCount;
        long bytes = (bits + 7) / 8;
        if (element.Value.Length < bytes)
        {
            throw new ImageFileException(file.Path, ImageFileProblem.DataLengthMismatch, $"PixelData holds {element.Value.Length} bytes; {frameCount} frame(s) of {format.Columns}×{format.Rows} bits need {bytes}.");
        }

        return element.Value.Span[..(int)bytes];
    }

    /// <summary>
    /// Converts decoded samples to voxel values: masked to BitsStored and sign-extended when signed (HighBit = BitsStored − 1,
    /// as every writer we know sets it), then <c>slope · value + intercept</c>, converted to <typeparamref name="T"/>.
    /// </summary>
    public static void ToValues<T>(ReadOnlySpan<byte> samples, FrameFormat format, double slope, double intercept, Span<T> destination)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        int n = format.Rows * format.Columns;
        int bits = format.BitsStored;
        bool identity = slope == 1 && intercept == 0;
        switch (format.BitsAllocated)
        {
            case 8:
                for (int i = 0; i < n; i++)
                {
                    destination[i] = Scale<T>(Extend(samples[i], bits, format.IsSigned), slope, intercept, identity);
                }

                break;
            case 16:
                var s16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(samples);
                if (bits == 16 && format.IsSigned)
                {
                    var signed = System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, short>(s16);
                    for (int i = 0; i < n; i++)
                    {
                        destination[i] = Scale<T>(signed[i], slope, intercept, identity);
                    }
                }
                else if (bits == 16)
                {
                    for (int i = 0; i < n; i++)
                    {
                        destination[i] = Scale<T>(s16[i], slope, intercept, identity);
                    }
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        destination[i] = Scale<T>(Extend(s16[i], bits, format.IsSigned), slope, intercept, identity);
                    }
                }

                break;
            default:
                var s32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(samples);
                for (int i = 0; i < n; i++)
                {
                    destination[i] = Scale<T>(Extend(s32[i], bits, format.IsSigned), slope, intercept, identity);
                }

                break;
        }
    }

    /// <summary>The smallest and largest value a sample of this format can hold.</summary>
    public static (long Min, long Max) StoredRange(FrameFormat format) => format.IsSigned
        ? (-(1L << (format.BitsStored - 1)), (1L << (format.BitsStored - 1)) - 1)
        : (0, (1L << format.BitsStored) - 1);

    private static long Extend(uint raw, int bits, bool signed)
    {
        if (bits >= 32)
        {
            return signed ? (int)raw : raw;
        }

        uint mask = (1u << bits) - 1;
        uint v = raw & mask;
        if (signed && (v & (1u << (bits - 1))) != 0)
        {
            return (long)v - (1L << bits);
        }

        return v;
    }

    private static T Scale<T>(long v, double slope, double intercept, bool identity)
        where T : unmanaged, System.Numerics.INumber<T> =>
        identity ? T.CreateSaturating(v) : T.CreateSaturating(slope * v + intercept);

    /// <summary>The compressed bytes of one frame: its fragments, concatenated when there are several.</summary>
    private static ReadOnlySpan<byte> FrameBytes(DicomFile file, IReadOnlyList<ReadOnlyMemory<byte>> fragments, int frame, int frameCount)
    {
        var ranges = FrameFragments(file, fragments, frameCount);
        var (first, count) = ranges[frame];
        if (count == 1)
        {
            return fragments[first].Span;
        }

        long total = 0;
        for (int i = first; i < first + count; i++)
        {
            total += fragments[i].Length;
        }

        var joined = new byte[total];
        int at = 0;
        for (int i = first; i < first + count; i++)
        {
            fragments[i].Span.CopyTo(joined.AsSpan(at));
            at += fragments[i].Length;
        }

        return joined;
    }

    /// <summary>For each frame, its first fragment (index into <paramref name="fragments"/>, item 0 being the offset table) and fragment count.</summary>
    internal static (int First, int Count)[] FrameFragments(DicomFile file, IReadOnlyList<ReadOnlyMemory<byte>> fragments, int frameCount)
    {
        string path = file.Path;
        int fragmentCount = fragments.Count - 1;
        if (fragmentCount < 1)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated, "encapsulated pixel data without any fragment.");
        }

        // Byte position of each fragment's item tag, counted from the first fragment (as offset tables count).
        var positions = new long[fragmentCount + 1];
        for (int i = 0; i < fragmentCount; i++)
        {
            positions[i + 1] = positions[i] + 8 + fragments[i + 1].Length;
        }

        long[]? offsets = null;
        var ds = file.Dataset;
        if (ds[DicomTags.ExtendedOffsetTable] is { } eot && eot.Value.Length >= 8 * frameCount)
        {
            offsets = new long[frameCount];
            for (int k = 0; k < frameCount; k++)
            {
                offsets[k] = (long)BinaryPrimitives.ReadUInt64LittleEndian(eot.Value.Span.Slice(8 * k, 8));
            }
        }
        else if (fragments[0].Length >= 4 * frameCount && fragments[0].Length > 0)
        {
            var bot = fragments[0].Span;
            offsets = new long[frameCount];
            for (int k = 0; k < frameCount; k++)
            {
                offsets[k] = BinaryPrimitives.ReadUInt32LittleEndian(bot.Slice(4 * k, 4));
            }
        }

        var result = new (int, int)[frameCount];
        if (offsets is not null)
        {
            for (int k = 0; k < frameCount; k++)
            {
                int first = Array.BinarySearch(positions, offsets[k]);
                if (first < 0 || first >= fragmentCount || (k > 0 && offsets[k] <= offsets[k - 1]))
                {
                    throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the offset table points frame {k + 1} at byte {offsets[k]}, which is not the start of a fragment.");
                }

                result[k] = (first + 1, 0);
            }

            for (int k = 0; k < frameCount; k++)
            {
                int next = k + 1 < frameCount ? result[k + 1].Item1 : fragmentCount + 1;
                result[k] = (result[k].Item1, next - result[k].Item1);
            }

            return result;
        }

        if (frameCount == 1)
        {
            return [(1, fragmentCount)];
        }

        if (fragmentCount == frameCount)
        {
            for (int k = 0; k < frameCount; k++)
            {
                result[k] = (k + 1, 1);
            }

            return result;
        }

        // No offset table and more fragments than frames: a frame starts at each fragment that opens a codestream
        // (JPEG and JPEG-LS start with SOI FFD8, JPEG 2000 with SOC FF4F).
        var starts = new List<int>();
        for (int i = 1; i <= fragmentCount; i++)
        {
            var f = fragments[i].Span;
            if (f.Length >= 2 && f[0] == 0xFF && (f[1] == 0xD8 || f[1] == 0x4F))
            {
                starts.Add(i);
            }
        }

        if (starts.Count != frameCount || starts[0] != 1)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"{fragmentCount} fragments without an offset table cannot be split into {frameCount} frames.");
        }

        for (int k = 0; k < frameCount; k++)
        {
            int next = k + 1 < frameCount ? starts[k + 1] : fragmentCount + 1;
            result[k] = (starts[k], next - starts[k]);
        }

        return result;
    }

    private static int Required(DicomDataset ds, DicomTag tag, string path) =>
        ds.GetInt(tag, path) ?? throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"{DicomDictionary.Name(tag)} {tag} is missing.");
}
