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
        VoxelCount(path, size);
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

            if (spacing[a] is < MinSpacing or > MaxSpacing)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidSpacing,
                    $"spacing along axis {a} is {spacing[a]} mm; the toolkit reads spacings from {MinSpacing} mm to {MaxSpacing} mm (1 nm to 1 km).");
            }
        }

        if (!origin.IsFinite)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the origin {origin} is not finite.");
        }

        if (origin.MaxAbs > MaxCoordinate)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the origin {origin} lies beyond ±{MaxCoordinate} mm.");
        }

        return new ImageGeometry(new Size3((int)size[0], (int)size[1], (int)size[2]), spacing, origin, Orientation(path, direction));
    }

    /// <summary>
    /// The direction cosines every format must carry: finite, each column of non-zero length, and orthonormal after
    /// each column is normalised, within <see cref="OrthonormalTolerance"/> (the tolerance ITK's NIfTI reader applies
    /// to an sform). Columns are returned normalised; sheared or singular matrices are refused in NIfTI, NRRD and
    /// MetaImage alike rather than silently replaced.
    /// </summary>
    public static Matrix3 Orientation(string path, Matrix3 direction)
    {
        if (!direction.IsFinite)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidOrientation, $"the direction cosines {direction} are not finite.");
        }

        var c0 = direction.Column(0);
        var c1 = direction.Column(1);
        var c2 = direction.Column(2);
        if (!(c0.Norm > 1e-12) || !(c1.Norm > 1e-12) || !(c2.Norm > 1e-12))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidOrientation, $"the direction cosines {direction} have a zero column (the matrix is singular).");
        }

        var normalised = Matrix3.FromColumns(c0.Normalised(), c1.Normalised(), c2.Normalised());
        if (Math.Abs(normalised.Determinant) < 1e-6)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidOrientation, $"the direction cosines {direction} are singular.");
        }

        if (!normalised.IsOrthonormal(OrthonormalTolerance))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidOrientation,
                $"the direction cosines {direction} are not orthogonal (a sheared grid); the toolkit, like ITK, needs orthonormal directions.");
        }

        return normalised;
    }

    /// <summary>Smallest voxel spacing read, in mm (1 nm); below it the index-to-physical matrix loses precision.</summary>
    public const double MinSpacing = 1e-6;

    /// <summary>Largest voxel spacing read, in mm (1 km); beyond it physical extents overflow resampling grids.</summary>
    public const double MaxSpacing = 1e6;

    /// <summary>Largest origin coordinate read, in mm.</summary>
    public const double MaxCoordinate = 1e12;

    /// <summary>Largest deviation of DᵀD from the identity accepted for normalised direction columns.</summary>
    public const double OrthonormalTolerance = 1e-4;

    /// <summary>The product of dimensions, or a typed error when a dimension is below 1 or the product overflows.</summary>
    public static long VoxelCount(string path, ReadOnlySpan<long> dims)
    {
        long n = 1;
        for (int a = 0; a < dims.Length; a++)
        {
            if (dims[a] <= 0)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"dimension {a} is {dims[a]}; every dimension must be at least 1.");
            }

            if (n > long.MaxValue / dims[a])
            {
                throw new ImageFileException(path, ImageFileProblem.TooLarge, $"the dimensions {string.Join(" × ", dims.ToArray())} multiply beyond any addressable size.");
            }

            n *= dims[a];
        }

        return n;
    }

    /// <summary>
    /// Bytes of voxel data the header announces, or a <see cref="ImageFileProblem.TooLarge"/> error; beyond the memory
    /// budget too unless <paramref name="streamed"/> (the reader never holds the whole image).
    /// </summary>
    public static long ExpectedBytes(string path, long voxels, long components, PixelType type, bool streamed = false)
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

        if (voxels <= 0 || components <= 0)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"{voxels} voxels × {components} components: an image needs at least one value.");
        }

        if (elements > Array.MaxLength)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"{elements} voxel values exceed the largest array .NET can hold ({Array.MaxLength}).");
        }

        if (bytes > MaxImageBytes)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"the voxel data would take {bytes / (1 << 20)} MiB; one image is limited to {MaxImageBytes / (1 << 20)} MiB.");
        }

        if (!streamed)
        {
            MemoryBudget.Check(path, bytes, $"the voxel data ({voxels} voxels × {components} components of {type.SizeInBytes()} bytes)");
        }

        return bytes;
    }

    /// <summary>Refuses a compressed stream that could not possibly expand to the announced size.</summary>
    public static void CheckCompressedSize(string path, long compressedBytes, long expectedBytes)
    {
        if (compressedBytes < 0 || expectedBytes / MaxDeflateRatio > compressedBytes + 65536 / MaxDeflateRatio)
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

    /// <summary>Skips <paramref name="count"/> bytes of a stream by reading them in small pieces (never one buffer of the claimed size).</summary>
    public static void Skip(string path, Stream stream, long count, string what)
    {
        if (count <= 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            if (count > stream.Length - stream.Position)
            {
                throw new ImageFileException(path, ImageFileProblem.Truncated, $"{what}: {count} bytes to skip, the file holds only {stream.Length - stream.Position} more.");
            }

            stream.Position += count;
            return;
        }

        var scratch = new byte[(int)Math.Min(count, 1 << 16)];
        long left = count;
        while (left > 0)
        {
            int n = (int)Math.Min(left, scratch.Length);
            ReadExactly(path, stream, scratch.AsSpan(0, n), what);
            left -= n;
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
        EnsureRegularFile(path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, e.Message, e);
        }
    }

    /// <summary>
    /// Refuses folders, FIFOs, sockets, devices and empty files before opening them: opening a FIFO blocks until a
    /// writer appears, and a device has no end. On Unix these report a length of 0, as does an empty regular file,
    /// which holds no image either.
    /// </summary>
    public static void EnsureRegularFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ImageFileException(path, ImageFileProblem.NotARegularFile, "this is a folder, not an image file.");
        }

        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is not null)
        {
            // Judge what the link leads to (a link to /dev/zero is a device, whatever its name).
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            if (Directory.Exists(info.FullName))
            {
                throw new ImageFileException(path, ImageFileProblem.NotARegularFile, "this links to a folder, not an image file.");
            }
        }

        if (!info.Exists)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.");
        }

        if (info.Length == 0)
        {
            throw new ImageFileException(path, ImageFileProblem.NotARegularFile, "the file is empty, or is a FIFO, socket or device rather than a regular file; it was not opened.");
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

    /// <summary>Stored little-endian values of <paramref name="type"/> as doubles.</summary>
    public static void ToDouble(PixelType type, ReadOnlySpan<byte> stored, Span<double> values)
    {
        switch (type)
        {
            case PixelType.UInt8: Convert(stored, values); break;
            case PixelType.Int8: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(stored), values); break;
            case PixelType.UInt16: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(stored), values); break;
            case PixelType.Int16: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(stored), values); break;
            case PixelType.UInt32: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(stored), values); break;
            case PixelType.Int32: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(stored), values); break;
            case PixelType.UInt64: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(stored), values); break;
            case PixelType.Int64: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(stored), values); break;
            case PixelType.Float32: Convert(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(stored), values); break;
            case PixelType.Float64: System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(stored).CopyTo(values); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Not a stored voxel type.");
        }
    }

    private static void Convert<T>(ReadOnlySpan<T> stored, Span<double> values) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (int i = 0; i < stored.Length; i++)
        {
            values[i] = double.CreateTruncating(stored[i]);
        }
    }

    public static Stream Gzip(Stream inner) => new GZipStream(inner, CompressionMode.Decompress, leaveOpen: true);
}
