using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>Allocates (once) and returns the buffer voxel data are read into.</summary>
internal delegate Span<byte> TargetBuffer();

/// <summary>
/// The one reader of detached voxel data (NRRD <c>data file</c>, MetaImage <c>ElementDataFile</c>): resolves the
/// name a header gives, refuses any that leads outside the header's folder, and reads raw or compressed bytes with
/// every length checked before anything is allocated.
/// </summary>
/// <remarks>
/// A data file must be a relative name that resolves, after symbolic links are followed, inside the folder of its
/// header, or inside a folder listed in the environment variable <c>RADIOMICS_DATA_ROOTS</c> (separated by the
/// platform's path separator). Absolute names, <c>..</c> that climbs out, and links that point elsewhere are
/// refused, so a header cannot make the toolkit read <c>/etc/passwd</c> as an image.
/// </remarks>
internal static class DetachedData
{
    public const string RootsVariable = "RADIOMICS_DATA_ROOTS";

    private const int MaxLinkHops = 40;

    /// <summary>The full path of the data file a header names, or an <see cref="ImageFileException"/> naming the header.</summary>
    public static string Resolve(string headerPath, string dataFile)
    {
        if (dataFile.Length == 0 || dataFile.Contains('\0', StringComparison.Ordinal))
        {
            throw new ImageFileException(headerPath, ImageFileProblem.InvalidHeader, "the data file name is empty or holds a NUL character.");
        }

        if (Path.IsPathRooted(dataFile))
        {
            throw new ImageFileException(headerPath, ImageFileProblem.OutsideData,
                $"the data file '{dataFile}' is an absolute path; a detached data file must lie beside its header.");
        }

        string folder = RealPath(Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? ".");
        string candidate = Path.GetFullPath(Path.Combine(folder, dataFile));
        string real = RealPath(candidate);
        if (!IsUnder(real, folder) && !AllowedRoots().Any(root => IsUnder(real, root)))
        {
            throw new ImageFileException(headerPath, ImageFileProblem.OutsideData,
                $"the data file '{dataFile}' resolves to {real}, outside the header's folder {folder}; " +
                $"list its folder in {RootsVariable} to allow it.");
        }

        return candidate;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies below it (both full paths).</summary>
    public static bool IsUnder(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string f = Path.TrimEndingDirectorySeparator(folder);
        if (path.Equals(f, comparison))
        {
            return true;
        }

        string prefix = Path.EndsInDirectorySeparator(f) ? f : f + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    /// <summary>The path with every symbolic link along it followed (like realpath); parts that do not exist are kept as written.</summary>
    public static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "";
        var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var queue = new Queue<string>(parts);
        string current = root;
        int hops = 0;
        while (queue.Count > 0)
        {
            string next = Path.Combine(current, queue.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                {
                    throw new IOException($"{path}: too many levels of symbolic links.");
                }

                string resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                string resolvedRoot = Path.GetPathRoot(resolved) ?? "";
                var rest = queue.ToArray();
                queue = new Queue<string>(resolved[resolvedRoot.Length..]
                    .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = resolvedRoot;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// Reads <paramref name="expected"/> bytes of voxel data from <paramref name="source"/> (the header file itself or
    /// its resolved data file) into the buffer <paramref name="target"/> allocates, once the file is known to hold them.
    /// </summary>
    /// <param name="dataPath">The file <paramref name="source"/> reads, named in errors.</param>
    /// <param name="source">That file, open.</param>
    /// <param name="start">Offset of the data, or -1 for "the last <paramref name="expected"/> bytes" (MetaImage HeaderSize = -1).</param>
    /// <param name="lineSkip">Lines to skip first (NRRD "line skip").</param>
    /// <param name="byteSkip">Bytes to skip after them: in the file for raw data, in the decompressed stream otherwise; -1 as for <paramref name="start"/>.</param>
    /// <param name="compression">null for raw data.</param>
    /// <param name="expected">Bytes of voxel data the header announces (already checked against the budget).</param>
    /// <param name="target">Allocates the buffer to fill; called only once the data are known to be there.</param>
    /// <param name="exactLength">Whether raw data must end the file (attached data) or may be followed by other bytes.</param>
    public static void ReadBinary(
        string dataPath, FileStream source, long start, long lineSkip, long byteSkip, Compression? compression, long expected, bool exactLength, TargetBuffer target)
    {
        using var z = Locate(dataPath, source, start, lineSkip, byteSkip, compression, expected, exactLength);
        VoxelBuffer.ReadExactly(dataPath, (Stream?)z ?? source, target(), "the voxel data");
        z?.Finish();
    }

    /// <summary>
    /// As <see cref="ReadBinary"/>, but hands the voxel data to <paramref name="chunk"/> in pieces of about 1 MiB (whole
    /// elements of <paramref name="elementSize"/> bytes), so memory stays small whatever the image's size.
    /// </summary>
    public static void StreamBinary(
        string dataPath, FileStream source, long start, long lineSkip, long byteSkip, Compression? compression, long expected, bool exactLength, int elementSize, Action<Span<byte>> chunk)
    {
        using var z = Locate(dataPath, source, start, lineSkip, byteSkip, compression, expected, exactLength);
        var stream = (Stream?)z ?? source;
        var buffer = new byte[Math.Max(1, (1 << 20) / elementSize) * elementSize];
        long left = expected;
        while (left > 0)
        {
            int n = (int)Math.Min(left, buffer.Length);
            VoxelBuffer.ReadExactly(dataPath, stream, buffer.AsSpan(0, n), "the voxel data");
            chunk(buffer.AsSpan(0, n));
            left -= n;
        }

        z?.Finish();
    }

    /// <summary>Streams stored values as doubles (byte order fixed), for the streaming summaries of NRRD and MetaImage.</summary>
    public static void StreamValues(
        string dataPath, FileStream source, long start, long lineSkip, long byteSkip, Compression? compression, long expected, bool exactLength,
        PixelType type, bool bigEndian, Action<ReadOnlySpan<double>> values)
    {
        int size = type.SizeInBytes();
        double[]? doubles = null;
        DetachedData.StreamBinary(dataPath, source, start, lineSkip, byteSkip, compression, expected, exactLength, size, chunk =>
        {
            if (bigEndian)
            {
                VoxelBuffer.SwapBytes(chunk, size);
            }

            doubles ??= new double[chunk.Length / size];
            var v = doubles.AsSpan(0, chunk.Length / size);
            VoxelBuffer.ToDouble(type, chunk, v);
            values(v);
        });
    }

    /// <summary>
    /// Positions <paramref name="source"/> at the voxel data after checking that the file holds them; for compressed
    /// data returns the decompressing stream (positioned after the byte skip), else null (read <paramref name="source"/>).
    /// </summary>
    private static CompressedStream? Locate(
        string dataPath, FileStream source, long start, long lineSkip, long byteSkip, Compression? compression, long expected, bool exactLength)
    {
        if (lineSkip < 0 || byteSkip < -1 || start < -1)
        {
            throw new ImageFileException(dataPath, ImageFileProblem.InvalidHeader, $"data offset {start}, line skip {lineSkip} and byte skip {byteSkip}: these cannot be negative (byte skip -1 means \"at the end\").");
        }

        long length = source.Length;
        if (start > length)
        {
            throw new ImageFileException(dataPath, ImageFileProblem.Truncated, $"the data start at byte {start}, beyond the end of the {length}-byte file.");
        }

        bool fromEnd = start < 0 || byteSkip == -1;
        if (fromEnd && compression is not null)
        {
            throw new ImageFileException(dataPath, ImageFileProblem.InvalidHeader, "compressed data cannot be located from the end of the file (byte skip or header size -1).");
        }

        source.Position = Math.Max(0, start);
        SkipLines(dataPath, source, lineSkip);
        if (compression is null)
        {
            long position = fromEnd ? length - expected : source.Position + byteSkip;
            if (position < 0 || position > length || length - position < expected)
            {
                throw new ImageFileException(dataPath, ImageFileProblem.Truncated,
                    $"expected {expected} bytes of raw voxel data after a skip of {Math.Max(byteSkip, 0)} bytes, but the file has {length} bytes.");
            }

            long remaining = length - position;
            if (remaining > expected && exactLength)
            {
                throw new ImageFileException(dataPath, ImageFileProblem.DataLengthMismatch, $"{remaining - expected} bytes follow the {expected} bytes of voxel data.");
            }

            source.Position = position;
            return null;
        }

        long available = length - source.Position;
        VoxelBuffer.CheckCompressedSize(dataPath, available, MemoryBudget.Product(expected, 1) + Math.Min(byteSkip, long.MaxValue / 2));
        var z = new CompressedStream(dataPath, source, compression.Value);
        try
        {
            VoxelBuffer.Skip(dataPath, z, byteSkip, "the skipped bytes");
            return z;
        }
        catch
        {
            z.Dispose();
            throw;
        }
    }

    /// <summary>Skips whole lines (NRRD "line skip").</summary>
    public static void SkipLines(string path, Stream s, long lines)
    {
        for (long i = 0; i < lines; i++)
        {
            int b;
            while ((b = s.ReadByte()) != '\n')
            {
                if (b < 0)
                {
                    throw new ImageFileException(path, ImageFileProblem.Truncated, $"the file ends inside the {lines} skipped lines.");
                }
            }
        }
    }

    private static IEnumerable<string> AllowedRoots()
    {
        string? text = Environment.GetEnvironmentVariable(RootsVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return text.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(RealPath);
    }
}
