using System.Globalization;
using System.IO.Compression;
using System.Text;
using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>NRRD images: attached (<c>.nrrd</c>) or detached (<c>.nhdr</c> + data file); raw, gzip or ascii encoding.</summary>
/// <remarks>
/// Geometry comes from "space directions" and "space origin" and is converted to LPS when "space" names another
/// anatomical frame (RAS, LAS), as ITK's NRRD reader does. One non-spatial axis (kind vector, list, …; space
/// direction "none") becomes the image's components.
/// </remarks>
public static class Nrrd
{
    public static bool IsNrrdPath(string path) =>
        path.EndsWith(".nrrd", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nhdr", StringComparison.OrdinalIgnoreCase);

    public static Image Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        var l = ParseHeader(path, file);
        var (pixelType, geometry, components, componentAxis, dimension, sizes, expected) = (l.PixelType, l.Geometry, l.Components, l.ComponentAxis, l.Dimension, l.Sizes, l.Expected);
        var (encoding, bigEndian, dataPath, start, lineSkip, byteSkip, dataFile) = (l.Encoding, l.BigEndian, l.DataPath, l.Start, l.LineSkip, l.ByteSkip, l.DataFile);
        // Allocation waits until the file is known to hold the data, so a lying header cannot exhaust memory.
        Image? image = null;
        byte[]? target = null;
        Span<byte> Buffer()
        {
            image ??= Image.Create(pixelType, geometry, (int)components);
            // A component axis that is last is planar already; one between spatial axes needs reordering.
            if (componentAxis > 0 && componentAxis < dimension - 1)
            {
                target ??= new byte[expected];
                return target;
            }

            return image.WritableBytes();
        }

        using (var data = dataPath == path ? null : VoxelBuffer.OpenRead(dataPath))
        {
            var src = data ?? file;
            switch (encoding)
            {
                case "raw":
                    DetachedData.ReadBinary(dataPath, src, start, lineSkip, byteSkip, null, expected, exactLength: dataFile is null, Buffer);
                    break;
                case "gzip" or "gz":
                    DetachedData.ReadBinary(dataPath, src, start, lineSkip, byteSkip, Compression.Gzip, expected, exactLength: true, Buffer);
                    break;
                case "ascii" or "text" or "txt":
                    src.Position = start;
                    DetachedData.SkipLines(dataPath, src, lineSkip);
                    MemoryBudget.Check(dataPath, MemoryBudget.Product(src.Length - src.Position, 4), "the ascii voxel data");
                    ReadAscii(dataPath, src, geometry, (int)components, Buffer(), pixelType);
                    break;
                case "bzip2" or "bz2" or "hex":
                    throw new ImageFileException(path, ImageFileProblem.Unsupported, $"'{encoding}' encoding is not supported; use raw or gzip.");
                default:
                    throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"unknown encoding '{encoding}'.");
            }
        }

        var raw = Buffer();
        if (bigEndian && encoding is not ("ascii" or "text" or "txt"))
        {
            VoxelBuffer.SwapBytes(raw, pixelType.SizeInBytes());
        }

        if (target is not null)
        {
            Reorder(target, image!, sizes, componentAxis, pixelType.SizeInBytes());
        }
        else if (componentAxis == 0 && components > 1)
        {
            var interleaved = raw.ToArray();
            VoxelBuffer.Deinterleave(interleaved, raw, image!.VoxelCount, (int)components, pixelType.SizeInBytes());
        }

        return image!;
    }

    /// <summary>
    /// Hands every voxel value (all components, in file order) to <paramref name="values"/> in chunks of about 1 MiB
    /// without holding the image, so the memory budget does not apply; raw and gzip data only (null for ascii, which
    /// the caller reads whole).
    /// </summary>
    internal static ImageHeader? StreamValues(string path, Action<ReadOnlySpan<double>> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        var l = ParseHeader(path, file, streamed: true);
        if (l.Encoding is not ("raw" or "gzip" or "gz"))
        {
            return null;
        }

        Compression? compression = l.Encoding == "raw" ? null : Compression.Gzip;

        using (var data = l.DataPath == path ? null : VoxelBuffer.OpenRead(l.DataPath))
        {
            DetachedData.StreamValues(l.DataPath, data ?? file, l.Start, l.LineSkip, l.ByteSkip, compression, l.Expected, exactLength: compression is not null || l.DataFile is null, l.PixelType, l.BigEndian, values);
        }

        return new ImageHeader(l.Geometry, l.PixelType, (int)l.Components);
    }

    /// <summary>Reads only the header (and checks that the data file exists).</summary>
    public static ImageHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        var l = ParseHeader(path, file);
        if (l.DataFile is not null && !File.Exists(l.DataPath))
        {
            throw new ImageFileException(l.DataPath, ImageFileProblem.NotFound, $"the data file named by {Path.GetFileName(path)} does not exist.");
        }

        return new ImageHeader(l.Geometry, l.PixelType, (int)l.Components);
    }

    private sealed record Layout(
        PixelType PixelType, ImageGeometry Geometry, long Components, int ComponentAxis, int Dimension, long[] Sizes, long Expected,
        string Encoding, bool BigEndian, string DataPath, long Start, long LineSkip, long ByteSkip, string? DataFile);

    /// <summary>Reads and validates the header; the file is left positioned after it.</summary>
    private static Layout ParseHeader(string path, FileStream file, bool streamed = false)
    {
        Span<byte> magic = stackalloc byte[8];
        int got = file.ReadAtLeast(magic, 8, throwOnEndOfStream: false);
        if (got < 8 || !Encoding.ASCII.GetString(magic[..4]).Equals("NRRD", StringComparison.Ordinal))
        {
            throw new ImageFileException(path, ImageFileProblem.BadMagic, "the file does not start with 'NRRD000x'.");
        }

        file.Position = 0;
        bool detachedHeader = path.EndsWith(".nhdr", StringComparison.OrdinalIgnoreCase);
        var (lines, dataOffset) = HeaderText.ReadLines(path, file, _ => false, blankLineEnds: true);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                if (line.Contains(":=", StringComparison.Ordinal))
                {
                    continue; // key/value comments
                }

                throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the line '{line}' is not a 'field: value' pair.");
            }

            fields[line[..colon].Trim()] = line[(colon + 2)..].Trim();
        }

        string Field(string name) => fields.TryGetValue(name, out var v)
            ? v
            : throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the required field '{name}' is missing.");

        var pixelType = ParseType(path, Field("type"));
        int dimension = (int)HeaderText.ParseLong(path, "dimension", Field("dimension"));
        if (dimension is < 1 or > 4)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"dimension {dimension} is not supported (1 to 3 spatial axes plus at most one component axis).");
        }

        var sizes = HeaderText.Words(Field("sizes")).Select(w => HeaderText.ParseLong(path, "sizes", w)).ToArray();
        if (sizes.Length != dimension)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"'sizes' lists {sizes.Length} values for dimension {dimension}.");
        }

        foreach (var s in sizes)
        {
            if (s <= 0)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"sizes '{Field("sizes")}' contain a value below 1.");
            }
        }

        var directions = ParseDirections(path, fields, dimension);
        string[] kinds = fields.TryGetValue("kinds", out var k) ? HeaderText.Words(k) : [];
        int componentAxis = -1;
        for (int a = 0; a < dimension; a++)
        {
            bool nonSpatial = directions is not null ? directions[a] is null
                : kinds.Length == dimension && !IsSpatialKind(kinds[a]);
            if (nonSpatial)
            {
                if (componentAxis >= 0)
                {
                    throw new ImageFileException(path, ImageFileProblem.Unsupported, "more than one non-spatial axis.");
                }

                componentAxis = a;
            }
        }

        if (dimension == 4 && componentAxis < 0)
        {
            // Four axes without one marked non-spatial: treat the last as components (a time series).
            componentAxis = 3;
        }

        var spatialAxes = Enumerable.Range(0, dimension).Where(a => a != componentAxis).ToArray();
        if (spatialAxes.Length > 3)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, "more than three spatial axes.");
        }

        long components = componentAxis >= 0 ? sizes[componentAxis] : 1;
        var size = new long[] { 1, 1, 1 };
        var spacing = new double[] { 1, 1, 1 };
        var columns = new[] { new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1) };
        string[] spacings = fields.TryGetValue("spacings", out var sp) ? HeaderText.Words(sp) : [];
        for (int i = 0; i < spatialAxes.Length; i++)
        {
            int a = spatialAxes[i];
            size[i] = sizes[a];
            if (directions?[a] is { } d)
            {
                spacing[i] = d.Norm;
                if (spacing[i] > 0)
                {
                    columns[i] = d / spacing[i];
                }
            }
            else if (spacings.Length == dimension && !spacings[a].Equals("nan", StringComparison.OrdinalIgnoreCase))
            {
                spacing[i] = HeaderText.ParseDouble(path, "spacings", spacings[a]);
            }
        }

        if (spatialAxes.Length < 3 && directions is not null)
        {
            // A 2D image in 3D space: complete the frame with the normal of its plane.
            columns[2] = columns[0].Cross(columns[1]).Normalised();
        }

        var origin = fields.TryGetValue("space origin", out var o) ? ParseVector(path, "space origin", o) : Vec3.Zero;
        var direction = Matrix3.FromColumns(columns[0], columns[1], columns[2]);
        var frame = SpaceToLps(path, fields.GetValueOrDefault("space"));
        origin = frame * origin;
        direction = frame * direction;
        var geometry = VoxelBuffer.Geometry(path, size, new Vec3(spacing[0], spacing[1], spacing[2]), origin, direction);
        long expected = VoxelBuffer.ExpectedBytes(path, geometry.VoxelCount, components, pixelType, streamed);

        string encoding = Field("encoding").ToLowerInvariant();
        bool bigEndian = fields.TryGetValue("endian", out var e) && e.Equals("big", StringComparison.OrdinalIgnoreCase);
        if (pixelType.SizeInBytes() > 1 && encoding is "raw" or "gzip" or "gz" && !fields.ContainsKey("endian"))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, "the 'endian' field is required for multi-byte types.");
        }

        string dataPath = path;
        long start = dataOffset;
        string? dataFile = fields.GetValueOrDefault("data file") ?? fields.GetValueOrDefault("datafile");
        if (dataFile is not null)
        {
            if (dataFile.StartsWith("LIST", StringComparison.Ordinal) || dataFile.Contains('%', StringComparison.Ordinal) || HeaderText.Words(dataFile).Length > 1)
            {
                throw new ImageFileException(path, ImageFileProblem.Unsupported, $"multi-file data '{dataFile}' is not supported.");
            }

            dataPath = DetachedData.Resolve(path, dataFile);
            start = 0;
        }
        else if (detachedHeader || dataOffset < 0)
        {
            throw new ImageFileException(path, dataOffset < 0 ? ImageFileProblem.Truncated : ImageFileProblem.InvalidHeader,
                dataOffset < 0 ? "the header is not followed by an empty line and voxel data." : "a detached header needs a 'data file' field.");
        }

        long lineSkip = fields.TryGetValue("line skip", out var ls) ? HeaderText.ParseLong(path, "line skip", ls) : 0;
        long byteSkip = fields.TryGetValue("byte skip", out var bs) ? HeaderText.ParseLong(path, "byte skip", bs) : 0;
        return new Layout(pixelType, geometry, components, componentAxis, dimension, sizes, expected, encoding, bigEndian, dataPath, start, lineSkip, byteSkip, dataFile);
    }

    public static void Write(Image image, string path, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var g = image.Geometry;
        int size = image.PixelType.SizeInBytes();
        bool vector = image.Components > 1;
        var sb = new StringBuilder();
        sb.Append("NRRD0004\n# Written by the Radiomics toolkit\n");
        sb.Append(CultureInfo.InvariantCulture, $"type: {TypeName(image.PixelType)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"dimension: {(vector ? 4 : 3)}\n");
        sb.Append("space: left-posterior-superior\n");
        sb.Append(CultureInfo.InvariantCulture, $"sizes: {(vector ? image.Components + " " : "")}{g.Size.X} {g.Size.Y} {g.Size.Z}\n");
        var m = g.IndexToPhysicalMatrix;
        sb.Append(CultureInfo.InvariantCulture, $"space directions: {(vector ? "none " : "")}{HeaderText.Vector(m.Column(0))} {HeaderText.Vector(m.Column(1))} {HeaderText.Vector(m.Column(2))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"kinds: {(vector ? "vector " : "")}domain domain domain\n");
        sb.Append("endian: little\n");
        sb.Append(CultureInfo.InvariantCulture, $"encoding: {(compress ? "gzip" : "raw")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"space origin: {HeaderText.Vector(g.Origin)}\n");
        // NRRD puts the component axis first (fastest), so components of a voxel are adjacent on disk.
        ReadOnlyMemory<byte> payload = vector
            ? VoxelBuffer.Interleave(image.AsBytes(), image.VoxelCount, image.Components, size)
            : image.AsBytes().ToArray();
        bool detached = path.EndsWith(".nhdr", StringComparison.OrdinalIgnoreCase);
        if (detached)
        {
            string dataName = Path.GetFileNameWithoutExtension(path) + (compress ? ".raw.gz" : ".raw");
            string dataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", dataName);
            sb.Append(CultureInfo.InvariantCulture, $"data file: {dataName}\n");
            ImageFile.WriteGuarded(dataPath, s => WritePayload(s, payload.Span, compress));
            try
            {
                ImageFile.WriteGuarded(path, s => s.Write(Encoding.ASCII.GetBytes(sb.ToString())));
            }
            catch
            {
                AtomicFile.TryDelete(dataPath);
                throw;
            }
        }
        else
        {
            sb.Append('\n');
            ImageFile.WriteGuarded(path, s =>
            {
                s.Write(Encoding.ASCII.GetBytes(sb.ToString()));
                WritePayload(s, payload.Span, compress);
            });
        }
    }

    private static void WritePayload(Stream s, ReadOnlySpan<byte> payload, bool compress)
    {
        if (compress)
        {
            using var z = new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true);
            z.Write(payload);
        }
        else
        {
            s.Write(payload);
        }
    }

    private static void ReadAscii(string path, Stream s, ImageGeometry geometry, int components, Span<byte> raw, PixelType type)
    {
        using var reader = new StreamReader(s, Encoding.ASCII, false, 1 << 16, leaveOpen: true);
        var words = reader.ReadToEnd().Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries);
        long n = geometry.VoxelCount * components;
        if (words.Length != n)
        {
            throw new ImageFileException(path, words.Length < n ? ImageFileProblem.Truncated : ImageFileProblem.DataLengthMismatch,
                $"expected {n} ascii values, found {words.Length}.");
        }

        var values = new double[n];
        for (long i = 0; i < n; i++)
        {
            values[i] = HeaderText.ParseDouble(path, "data", words[i]);
        }

        var converted = new Image<double>(geometry, values, components);
        var typed = type switch
        {
            PixelType.UInt8 => converted.ConvertTo<byte>().AsBytes().ToArray(),
            PixelType.Int8 => converted.ConvertTo<sbyte>().AsBytes().ToArray(),
            PixelType.UInt16 => converted.ConvertTo<ushort>().AsBytes().ToArray(),
            PixelType.Int16 => converted.ConvertTo<short>().AsBytes().ToArray(),
            PixelType.UInt32 => converted.ConvertTo<uint>().AsBytes().ToArray(),
            PixelType.Int32 => converted.ConvertTo<int>().AsBytes().ToArray(),
            PixelType.UInt64 => converted.ConvertTo<ulong>().AsBytes().ToArray(),
            PixelType.Int64 => converted.ConvertTo<long>().AsBytes().ToArray(),
            PixelType.Float32 => converted.ConvertTo<float>().AsBytes().ToArray(),
            _ => converted.AsBytes().ToArray(),
        };
        typed.CopyTo(raw);
    }

    /// <summary>Moves a component axis that sits between spatial axes to the planar layout.</summary>
    private static void Reorder(byte[] source, Image image, long[] sizes, int componentAxis, int elementSize)
    {
        var dst = image.WritableBytes();
        int dims = sizes.Length;
        var strides = new long[dims];
        long stride = 1;
        for (int a = 0; a < dims; a++)
        {
            strides[a] = stride;
            stride *= sizes[a];
        }

        var spatial = Enumerable.Range(0, dims).Where(a => a != componentAxis).ToArray();
        int voxels = image.VoxelCount;
        for (int c = 0; c < image.Components; c++)
        {
            for (int v = 0; v < voxels; v++)
            {
                long rest = v, offset = c * strides[componentAxis];
                foreach (int a in spatial)
                {
                    offset += rest % sizes[a] * strides[a];
                    rest /= sizes[a];
                }

                source.AsSpan((int)(offset * elementSize), elementSize).CopyTo(dst.Slice((c * voxels + v) * elementSize, elementSize));
            }
        }
    }

    private static bool IsSpatialKind(string kind) =>
        kind.ToLowerInvariant() is "domain" or "space" or "time" or "???" or "none";

    private static Vec3?[]? ParseDirections(string path, Dictionary<string, string> fields, int dimension)
    {
        if (!fields.TryGetValue("space directions", out var text))
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != dimension)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"'space directions' has {parts.Length} entries for dimension {dimension}.");
        }

        return parts.Select(p => p.Equals("none", StringComparison.OrdinalIgnoreCase) ? (Vec3?)null : ParseVector(path, "space directions", p)).ToArray();
    }

    private static Vec3 ParseVector(string path, string field, string text)
    {
        var t = text.Trim();
        if (!t.StartsWith('(') || !t.EndsWith(')'))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"'{field}' has '{text}', not a vector '(x,y,z)'.");
        }

        var v = t[1..^1].Split(',').Select(x => HeaderText.ParseDouble(path, field, x.Trim())).ToArray();
        return v.Length switch
        {
            3 => new Vec3(v[0], v[1], v[2]),
            2 => new Vec3(v[0], v[1], 0),
            _ => throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"'{field}' has {v.Length} coordinates; 2 or 3 are supported."),
        };
    }

    private static Matrix3 SpaceToLps(string path, string? space) => space?.ToLowerInvariant() switch
    {
        null or "left-posterior-superior" or "lps" or "scanner-xyz" or "3d-right-handed" => Matrix3.Identity,
        "right-anterior-superior" or "ras" => Matrix3.Diagonal(new Vec3(-1, -1, 1)),
        "left-anterior-superior" or "las" => Matrix3.Diagonal(new Vec3(1, -1, 1)),
        _ => throw new ImageFileException(path, ImageFileProblem.Unsupported, $"space '{space}' is not supported."),
    };

    private static PixelType ParseType(string path, string type) => type.ToLowerInvariant() switch
    {
        "signed char" or "int8" or "int8_t" => PixelType.Int8,
        "uchar" or "unsigned char" or "uint8" or "uint8_t" => PixelType.UInt8,
        "short" or "short int" or "signed short" or "signed short int" or "int16" or "int16_t" => PixelType.Int16,
        "ushort" or "unsigned short" or "unsigned short int" or "uint16" or "uint16_t" => PixelType.UInt16,
        "int" or "signed int" or "int32" or "int32_t" => PixelType.Int32,
        "uint" or "unsigned int" or "uint32" or "uint32_t" => PixelType.UInt32,
        "longlong" or "long long" or "long long int" or "signed long long" or "signed long long int" or "int64" or "int64_t" => PixelType.Int64,
        "ulonglong" or "unsigned long long" or "unsigned long long int" or "uint64" or "uint64_t" => PixelType.UInt64,
        "float" => PixelType.Float32,
        "double" => PixelType.Float64,
        _ => throw new ImageFileException(path, ImageFileProblem.UnsupportedDataType, $"NRRD type '{type}' is not supported."),
    };

    private static string TypeName(PixelType type) => type switch
    {
        PixelType.Int8 => "int8",
        PixelType.UInt8 => "uint8",
        PixelType.Int16 => "int16",
        PixelType.UInt16 => "uint16",
        PixelType.Int32 => "int32",
        PixelType.UInt32 => "uint32",
        PixelType.Int64 => "int64",
        PixelType.UInt64 => "uint64",
        PixelType.Float32 => "float",
        PixelType.Float64 => "double",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
