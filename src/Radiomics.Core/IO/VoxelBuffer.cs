using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>Shared checks and byte handling for the voxel data of all formats.</summary>
internal static class VoxelBuffer
{
    /// <summary>Deflate cannot expand data by more than about 1032:1; a header claiming more is lying.</summary>
    private const long MaxDeflateRatio = 1100;

    /// <summary>One image's voxel buffer is addressed as a byte span, which int-indexes at most 2 GiB.</summary>
    public const long MaxImageBytes = int.MaxValue;

    /// <summary>
    /// Validates sizes and spacing read from a header and builds the geometry, or throws a typed exception naming the
    /// file; also refuses images that could not be allocated, before any allocation is attempted.
    /// </summary>
    public static ImageGeometry Geometry(string path, long[] size, Vec3 spacing, Vec3 origin, Matrix3 direction)
    {
        for (int a = 0; a < 3; a++)
        {
            if (size[a] <= 0)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"dimension {a} is {size[a]}; every dimension must be at least 1.");
            }

            if (size[a] > int.MaxValue)
            {
                throw new ImageFileException(path, ImageFileProblem.TooLarge, $"dimension {a} is {size[a]}.");
            }

            if (!(spacing[a] > 0) || !double.IsFinite(spacing[a]))
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidSpacing, $"spacing along axis {a} is {spacing[a]}; it must be a positive number.");
            }
        }

        if (!origin.IsFinite)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the origin {origin} is not finite.");
        }

        if (!direction.IsFinite || Math.Abs(direction.Determinant) < 1e-6)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the direction cosines {direction} are singular or not finite.");
        }

        return new ImageGeometry(new Size3((int)size[0], (int)size[1], (int)size[2]), spacing, origin, direction);
    }

    /// <summary>Bytes of voxel data the header announces, or a <see cref="ImageFileProblem.TooLarge"/> error.</summary>
    public static long ExpectedBytes(string path, long voxels, long components, PixelType type)
    {
        long elements;
        long bytes;
        try
        {
            elements = checked(voxels * components);
            bytes = checked(elements * type.SizeInBytes());
        }
        catch (OverflowException)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"{voxels} voxels × {components} components overflow any addressable size.");
        }

        if (elements > Array.MaxLength)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"{elements} voxel values exceed the largest array .NET can hold ({Array.MaxLength}).");
        }

        if (bytes > MaxImageBytes)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"the voxel data would take {bytes / (1 << 20)} MiB; one image is limited to {MaxImageBytes / (1 << 20)} MiB.");
        }

        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available > 0 && bytes > available)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"the voxel data needs {bytes / (1 << 20)} MiB; only {available / (1 << 20)} MiB are available.");
        }

        return bytes;
    }

    /// <summary>Refuses a compressed stream that could not possibly expand to the announced size.</summary>
    public static void CheckCompressedSize(string path, long compressedBytes, long expectedBytes)
    {
        if (expectedBytes > MaxDeflateRatio * compressedBytes + 65536)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated,
                $"the header announces {expectedBytes} bytes of voxel data but only {compressedBytes} compressed bytes follow, which cannot expand to that size.");
        }
    }

    /// <summary>Fills <paramref name="target"/> from the stream; a short read is a truncated file.</summary>
    public static void ReadExactly(string path, Stream stream, Span<byte> target, string what)
    {
        int read;
        try
        {
            read = stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(path, ImageFileProblem.CorruptCompression, $"while reading {what}: {e.Message}", e);
        }

        if (read < target.Length)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated, $"{what}: expected {target.Length} bytes, the file holds only {read}.");
        }
    }

    /// <summary>After the voxel data, a compressed stream must end; extra data means the header is wrong.</summary>
    public static void EnsureEnd(string path, Stream stream)
    {
        Span<byte> probe = stackalloc byte[1];
        int n;
        try
        {
            n = stream.Read(probe);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(path, ImageFileProblem.CorruptCompression, e.Message, e);
        }

        if (n != 0)
        {
            throw new ImageFileException(path, ImageFileProblem.DataLengthMismatch, "the compressed voxel data is longer than the header's dimensions and type allow.");
        }
    }

    /// <summary>Reverses the byte order of each element in place.</summary>
    public static void SwapBytes(Span<byte> data, int elementSize)
    {
        switch (elementSize)
        {
            case 1:
                break;
            case 2:
                var s = MemoryMarshal.Cast<byte, ushort>(data);
                BinaryPrimitives.ReverseEndianness(s, s);
                break;
            case 4:
                var i = MemoryMarshal.Cast<byte, uint>(data);
                BinaryPrimitives.ReverseEndianness(i, i);
                break;
            case 8:
                var l = MemoryMarshal.Cast<byte, ulong>(data);
                BinaryPrimitives.ReverseEndianness(l, l);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(elementSize), elementSize, null);
        }
    }

    /// <summary>Reads a whole file into memory, mapping "not found" and access errors to a typed exception.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, e.Message, e);
        }
    }

    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, e.Message, e);
        }
    }

    /// <summary>Converts planar storage (component blocks) to interleaved (components of a voxel together) and back.</summary>
    public static byte[] Interleave(ReadOnlySpan<byte> planar, int voxels, int components, int elementSize)
    {
        var result = new byte[planar.Length];
        for (int c = 0; c < components; c++)
        {
            for (int v = 0; v < voxels; v++)
            {
                planar.Slice((c * voxels + v) * elementSize, elementSize).CopyTo(result.AsSpan((v * components + c) * elementSize, elementSize));
            }
        }

        return result;
    }

    public static void Deinterleave(ReadOnlySpan<byte> interleaved, Span<byte> planar, int voxels, int components, int elementSize)
    {
        for (int v = 0; v < voxels; v++)
        {
            for (int c = 0; c < components; c++)
            {
                interleaved.Slice((v * components + c) * elementSize, elementSize).CopyTo(planar.Slice((c * voxels + v) * elementSize, elementSize));
            }
        }
    }

    public static Stream Gzip(Stream inner) => new GZipStream(inner, CompressionMode.Decompress, leaveOpen: true);
}
