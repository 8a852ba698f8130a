using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// JPEG 2000 lossless (1.2.840.10008.1.2.4.90) and lossy (…4.91) through the system's OpenJPEG library (libopenjp2,
/// the library gdcm and dcm2niix use on Debian): the header is checked against the data set before any sample is
/// decoded, so a stream that lies about its size costs no more memory than the declared frame. When libopenjp2 is
/// missing the frame is reported as unsupported, naming the package to install.
/// </summary>
public sealed unsafe class Jpeg2000Decoder : IFrameDecoder
{
    public const string Jpeg2000Lossless = "1.2.840.10008.1.2.4.90";
    public const string Jpeg2000 = "1.2.840.10008.1.2.4.91";

    private const string Codec = "JPEG 2000";
    private const int CodecJ2k = 0;
    private const int CodecJp2 = 2;

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [Jpeg2000Lossless, Jpeg2000];

    /// <summary>True when libopenjp2 could be loaded.</summary>
    public static bool IsAvailable => OpenJpegLibrary.Instance is not null;

    public void Decode(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output, string filePath)
    {
        FrameDecoding.CheckOutput(Codec, format, output.Length, filePath);
        var library = OpenJpegLibrary.Instance ?? throw new ImageFileException(filePath, ImageFileProblem.Unsupported,
            "JPEG 2000 needs the OpenJPEG library libopenjp2 (Debian/Ubuntu package libopenjp2-7), which is not installed");
        try
        {
            DecodeFrame(library, encoded, format, output);
        }
        catch (CodecStreamException e)
        {
            throw FrameDecoding.Error(Codec, filePath, e);
        }
    }

    private static void DecodeFrame(OpenJpegLibrary opj, ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output)
    {
        if (encoded.Length < 12)
        {
            throw new CodecStreamException($"the frame has only {encoded.Length} bytes");
        }

        var isJp2 = BinaryPrimitives.ReadUInt32BigEndian(encoded[4..]) == 0x6A502020;
        if (!isJp2 && (encoded[0] != 0xFF || encoded[1] != 0x4F))
        {
            throw new CodecStreamException("the frame starts with neither a JPEG 2000 codestream (SOC) nor a JP2 signature");
        }

        var messages = new List<string>();
        var messagesHandle = GCHandle.Alloc(messages);
        IntPtr codec = 0, stream = 0;
        OpjImage* image = null;
        var parameters = NativeMemory.AllocZeroed(65536);
        try
        {
            fixed (byte* data = encoded)
            {
                var source = new MemorySource { Data = data, Length = encoded.Length, Position = 0 };
                codec = opj.CreateDecompress(isJp2 ? CodecJp2 : CodecJ2k);
                if (codec == 0)
                {
                    throw new CodecStreamException("OpenJPEG could not create a decoder");
                }

                var handler = (IntPtr)(delegate* unmanaged[Cdecl]<byte*, IntPtr, void>)&OnMessage;
                var silent = (IntPtr)(delegate* unmanaged[Cdecl]<byte*, IntPtr, void>)&OnWarning;
                opj.SetErrorHandler(codec, handler, GCHandle.ToIntPtr(messagesHandle));
                opj.SetWarningHandler(codec, silent, 0);
                opj.SetDefaultDecoderParameters(parameters);
                if (opj.SetupDecoder(codec, parameters) == 0)
                {
                    throw new CodecStreamException("OpenJPEG rejected the decoder set-up" + Detail(messages));
                }

                stream = opj.StreamCreate((nuint)Math.Min(encoded.Length, 1 << 20), 1);
                opj.StreamSetReadFunction(stream, (IntPtr)(delegate* unmanaged[Cdecl]<void*, nuint, MemorySource*, nuint>)&Read);
                opj.StreamSetSkipFunction(stream, (IntPtr)(delegate* unmanaged[Cdecl]<long, MemorySource*, long>)&Skip);
                opj.StreamSetSeekFunction(stream, (IntPtr)(delegate* unmanaged[Cdecl]<long, MemorySource*, int>)&Seek);
                opj.StreamSetUserData(stream, &source, 0);
                opj.StreamSetUserDataLength(stream, (ulong)encoded.Length);

                if (opj.ReadHeader(stream, codec, &image) == 0 || image is null)
                {
                    throw new CodecStreamException("the codestream header cannot be read" + Detail(messages));
                }

                CheckHeader(image, format);
                if (opj.DecodeImage(codec, stream, image) == 0 || opj.EndDecompress(codec, stream) == 0)
                {
                    throw new CodecStreamException("the codestream cannot be decoded" + Detail(messages));
                }

                Write(image, format, output);
            }
        }
        finally
        {
            if (image is not null)
            {
                opj.ImageDestroy(image);
            }

            if (stream != 0)
            {
                opj.StreamDestroy(stream);
            }

            if (codec != 0)
            {
                opj.DestroyCodec(codec);
            }

            NativeMemory.Free(parameters);
            messagesHandle.Free();
        }
    }

    private static void CheckHeader(OpjImage* image, FrameFormat format)
    {
        var width = (long)image->X1 - image->X0;
        var height = (long)image->Y1 - image->Y0;
        if (width != format.Columns || height != format.Rows || image->NumComps != format.SamplesPerPixel)
        {
            throw new CodecStreamException(
                $"the codestream is {width}×{height} with {image->NumComps} components; the data set declares {format.Columns}×{format.Rows} with {format.SamplesPerPixel}");
        }

        for (var c = 0; c < image->NumComps; c++)
        {
            var comp = image->Comps[c];
            if (comp.Dx != 1 || comp.Dy != 1)
            {
                throw CodecStreamException.Unsupported($"component {c} is subsampled {comp.Dx}×{comp.Dy}");
            }

            if (comp.Prec < 1 || comp.Prec > format.BitsAllocated)
            {
                throw new CodecStreamException($"component {c} has {comp.Prec}-bit samples; BitsAllocated is {format.BitsAllocated}");
            }
        }
    }

    private static void Write(OpjImage* image, FrameFormat format, Span<byte> output)
    {
        var spp = format.SamplesPerPixel;
        var pixels = format.Rows * format.Columns;
        var bytes = format.BitsAllocated / 8;
        for (var c = 0; c < spp; c++)
        {
            var comp = image->Comps[c];
            if (comp.Data is null || comp.W != format.Columns || comp.H != format.Rows)
            {
                throw new CodecStreamException($"component {c} decoded to {comp.W}×{comp.H}");
            }

            var samples = new ReadOnlySpan<int>(comp.Data, pixels);
            for (var i = 0; i < pixels; i++)
            {
                var index = format.PlanarConfiguration == 0 ? (i * spp) + c : (c * pixels) + i;
                FrameDecoding.WriteSample(output, index, bytes, samples[i]);
            }
        }
    }

    private static string Detail(List<string> messages) => messages.Count == 0 ? string.Empty : $" ({string.Join("; ", messages)})";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(byte* message, IntPtr clientData)
    {
        if (GCHandle.FromIntPtr(clientData).Target is List<string> messages && messages.Count < 5)
        {
            messages.Add((Marshal.PtrToStringUTF8((IntPtr)message) ?? string.Empty).Trim());
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnWarning(byte* message, IntPtr clientData)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nuint Read(void* buffer, nuint count, MemorySource* source)
    {
        var remaining = source->Length - source->Position;
        if (remaining <= 0)
        {
            return unchecked((nuint)(-1));
        }

        var n = (long)Math.Min((ulong)remaining, count);
        Buffer.MemoryCopy(source->Data + source->Position, buffer, (long)count, n);
        source->Position += n;
        return (nuint)n;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long Skip(long count, MemorySource* source)
    {
        var target = Math.Clamp(source->Position + count, 0, source->Length);
        var skipped = target - source->Position;
        source->Position = target;
        return skipped == 0 && count != 0 ? -1 : skipped;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Seek(long position, MemorySource* source)
    {
        if (position < 0 || position > source->Length)
        {
            return 0;
        }

        source->Position = position;
        return 1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MemorySource
    {
        public byte* Data;
        public long Length;
        public long Position;
    }
}
