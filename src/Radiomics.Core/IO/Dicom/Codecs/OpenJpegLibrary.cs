using System.Runtime.InteropServices;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// The OpenJPEG 2.x decoding API (openjpeg.h), bound at run time from the system's libopenjp2 (Debian/Ubuntu
/// <c>libopenjp2-7</c>, BSD 2-clause), so a machine without it still runs everything but JPEG 2000.
/// </summary>
internal sealed unsafe class OpenJpegLibrary
{
    private static readonly string[] Names = ["libopenjp2.so.7", "libopenjp2.so", "libopenjp2.7.dylib", "libopenjp2.dylib", "openjp2"];

    private static readonly Lazy<OpenJpegLibrary?> Shared = new(Load);

    private OpenJpegLibrary(IntPtr handle)
    {
        IntPtr F(string name) => NativeLibrary.GetExport(handle, name);
        StreamCreate = (delegate* unmanaged[Cdecl]<nuint, int, IntPtr>)F("opj_stream_create");
        StreamSetReadFunction = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)F("opj_stream_set_read_function");
        StreamSetSkipFunction = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)F("opj_stream_set_skip_function");
        StreamSetSeekFunction = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)F("opj_stream_set_seek_function");
        StreamSetUserData = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr, void>)F("opj_stream_set_user_data");
        StreamSetUserDataLength = (delegate* unmanaged[Cdecl]<IntPtr, ulong, void>)F("opj_stream_set_user_data_length");
        StreamDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("opj_stream_destroy");
        CreateDecompress = (delegate* unmanaged[Cdecl]<int, IntPtr>)F("opj_create_decompress");
        SetDefaultDecoderParameters = (delegate* unmanaged[Cdecl]<void*, void>)F("opj_set_default_decoder_parameters");
        SetupDecoder = (delegate* unmanaged[Cdecl]<IntPtr, void*, int>)F("opj_setup_decoder");
        SetErrorHandler = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int>)F("opj_set_error_handler");
        SetWarningHandler = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int>)F("opj_set_warning_handler");
        ReadHeader = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, OpjImage**, int>)F("opj_read_header");
        DecodeImage = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, OpjImage*, int>)F("opj_decode");
        EndDecompress = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int>)F("opj_end_decompress");
        DestroyCodec = (delegate* unmanaged[Cdecl]<IntPtr, void>)F("opj_destroy_codec");
        ImageDestroy = (delegate* unmanaged[Cdecl]<OpjImage*, void>)F("opj_image_destroy");
    }

    /// <summary>The loaded library, or null when libopenjp2 is not installed.</summary>
    public static OpenJpegLibrary? Instance => Shared.Value;

    public delegate* unmanaged[Cdecl]<nuint, int, IntPtr> StreamCreate { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> StreamSetReadFunction { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> StreamSetSkipFunction { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> StreamSetSeekFunction { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr, void> StreamSetUserData { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, ulong, void> StreamSetUserDataLength { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, void> StreamDestroy { get; }

    public delegate* unmanaged[Cdecl]<int, IntPtr> CreateDecompress { get; }

    public delegate* unmanaged[Cdecl]<void*, void> SetDefaultDecoderParameters { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, void*, int> SetupDecoder { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int> SetErrorHandler { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int> SetWarningHandler { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, OpjImage**, int> ReadHeader { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, OpjImage*, int> DecodeImage { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int> EndDecompress { get; }

    public delegate* unmanaged[Cdecl]<IntPtr, void> DestroyCodec { get; }

    public delegate* unmanaged[Cdecl]<OpjImage*, void> ImageDestroy { get; }

    private static OpenJpegLibrary? Load()
    {
        foreach (var name in Names)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                try
                {
                    return new OpenJpegLibrary(handle);
                }
                catch (EntryPointNotFoundException)
                {
                    return null;
                }
            }
        }

        return null;
    }
}

/// <summary>opj_image_t of openjpeg.h (2.x).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjImage
{
    public uint X0;
    public uint Y0;
    public uint X1;
    public uint Y1;
    public uint NumComps;
    public int ColorSpace;
    public OpjImageComp* Comps;
    public byte* IccProfileBuf;
    public uint IccProfileLen;
}

/// <summary>opj_image_comp_t of openjpeg.h (2.x).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjImageComp
{
    public uint Dx;
    public uint Dy;
    public uint W;
    public uint H;
    public uint X0;
    public uint Y0;
    public uint Prec;
    public uint Bpp;
    public uint Sgnd;
    public uint ResnoDecoded;
    public uint Factor;
    public int* Data;
    public ushort Alpha;
}
