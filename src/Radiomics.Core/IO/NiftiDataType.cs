using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>NIfTI datatype codes (nifti1.h) for the voxel types the toolkit supports.</summary>
internal static class NiftiDataType
{
    public static PixelType? ToPixelType(short code) => code switch
    {
        2 => PixelType.UInt8,
        4 => PixelType.Int16,
        8 => PixelType.Int32,
        16 => PixelType.Float32,
        64 => PixelType.Float64,
        256 => PixelType.Int8,
        512 => PixelType.UInt16,
        768 => PixelType.UInt32,
        1024 => PixelType.Int64,
        1280 => PixelType.UInt64,
        _ => null,
    };

    public static short FromPixelType(PixelType type) => type switch
    {
        PixelType.UInt8 => 2,
        PixelType.Int16 => 4,
        PixelType.Int32 => 8,
        PixelType.Float32 => 16,
        PixelType.Float64 => 64,
        PixelType.Int8 => 256,
        PixelType.UInt16 => 512,
        PixelType.UInt32 => 768,
        PixelType.Int64 => 1024,
        PixelType.UInt64 => 1280,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Name(short code) => code switch
    {
        32 => "complex64",
        128 => "RGB24",
        1536 => "float128",
        1792 => "complex128",
        2048 => "complex256",
        2304 => "RGBA32",
        _ => $"code {code}",
    };
}
