namespace Radiomics.Imaging;

/// <summary>The voxel value types medical image files use.</summary>
public enum PixelType
{
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    UInt64,
    Int64,
    Float32,
    Float64,
}

public static class PixelTypes
{
    public static PixelType Of<T>() where T : unmanaged => typeof(T) switch
    {
        var t when t == typeof(byte) => PixelType.UInt8,
        var t when t == typeof(sbyte) => PixelType.Int8,
        var t when t == typeof(ushort) => PixelType.UInt16,
        var t when t == typeof(short) => PixelType.Int16,
        var t when t == typeof(uint) => PixelType.UInt32,
        var t when t == typeof(int) => PixelType.Int32,
        var t when t == typeof(ulong) => PixelType.UInt64,
        var t when t == typeof(long) => PixelType.Int64,
        var t when t == typeof(float) => PixelType.Float32,
        var t when t == typeof(double) => PixelType.Float64,
        _ => throw new NotSupportedException($"{typeof(T).Name} is not a supported voxel type."),
    };

    public static int SizeInBytes(this PixelType type) => type switch
    {
        PixelType.UInt8 or PixelType.Int8 => 1,
        PixelType.UInt16 or PixelType.Int16 => 2,
        PixelType.UInt32 or PixelType.Int32 or PixelType.Float32 => 4,
        PixelType.UInt64 or PixelType.Int64 or PixelType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool IsInteger(this PixelType type) => type is not (PixelType.Float32 or PixelType.Float64);
}
