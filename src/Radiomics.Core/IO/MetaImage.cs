using System.Globalization;
using System.IO.Compression;
using System.Text;
using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>MetaImage (ITK MetaIO): <c>.mha</c> with data in the same file, <c>.mhd</c> with a separate data file; raw or zlib-compressed.</summary>
/// <remarks>MetaImage positions are LPS, like the toolkit's; TransformMatrix lists the direction columns one after the other, as ITK reads it.</remarks>
public static class MetaImage
{
    public static bool IsMetaImagePath(string path) =>
        path.EndsWith(".mha", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mhd", StringComparison.OrdinalIgnoreCase);

    public static Image Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        var l = ParseHeader(path, file);
        var (pixelType, geometry, components, ndims, expected) = (l.PixelType, l.Geometry, l.Components, l.Dimensions, l.Expected);
        var (bigEndian, compressed, dataPath, start) = (l.BigEndian, l.Compressed, l.DataPath, l.Start);
        bool interleaved = ndims <= 3 && components > 1;
        Image? image = null;
        byte[]? buffer = null;
        Span<byte> Buffer()
        {
            // Allocated only once the file is known to hold the data.
            image ??= Image.Create(pixelType, geometry, (int)components);
            return interleaved ? (buffer ??= new byte[expected]) : image.WritableBytes();
        }
        using (var data = dataPath == path ? null : VoxelBuffer.OpenRead(dataPath))
        {
            // HeaderSize = -1 (start < 0): the data are the last bytes of the file.
            DetachedData.ReadBinary(dataPath, data ?? file, start, 0, 0, compressed ? Compression.Zlib : null, expected, exactLength: true, Buffer);
        }

        var raw = Buffer();
        if (bigEndian)
        {
            VoxelBuffer.SwapBytes(raw, pixelType.SizeInBytes());
        }

        if (interleaved)
        {
            VoxelBuffer.Deinterleave(raw, image!.WritableBytes(), image.VoxelCount, (int)components, pixelType.SizeInBytes());
        }

        return image!;
    }

    /// <summary>
    /// Hands every voxel value (all channels, in file order) to <paramref name="values"/> in chunks of about 1 MiB
    /// without holding the image, so the memory budget does not apply.
    /// </summary>
    internal static ImageHeader StreamValues(string path, Action<ReadOnlySpan<double>> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        var l = ParseHeader(path, file, streamed: true);
        using (var data = l.DataPath == path ? null : VoxelBuffer.OpenRead(l.DataPath))
        {
            DetachedData.StreamValues(l.DataPath, data ?? file, l.Start, 0, 0, l.Compressed ? Compression.Zlib : null, l.Expected, exactLength: true, l.PixelType, l.BigEndian, values);
        }

        return new ImageHeader(l.Geometry, l.PixelType, (int)l.Components);
    }

    /// <summary>Reads only the header (and checks that a separate data file exists).</summary>
    public static ImageHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        var l = ParseHeader(path, file);
        if (l.DataPath != path && !File.Exists(l.DataPath))
        {
            throw new ImageFileException(l.DataPath, ImageFileProblem.NotFound, $"the data file named by {Path.GetFileName(path)} does not exist.");
        }

        return new ImageHeader(l.Geometry, l.PixelType, (int)l.Components);
    }

    private sealed record Layout(
        PixelType PixelType, ImageGeometry Geometry, long Components, int Dimensions, long Expected, bool BigEndian, bool Compressed, string DataPath, long Start);

    /// <summary>Reads and validates the header; the file is left positioned after it.</summary>
    private static Layout ParseHeader(string path, FileStream file, bool streamed = false)
    {
        var (lines, dataOffset) = HeaderText.ReadLines(
            path, file, l => l.TrimStart().StartsWith("ElementDataFile", StringComparison.OrdinalIgnoreCase), blankLineEnds: false, ImageFileProblem.BadMagic);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new ImageFileException(path, ImageFileProblem.BadMagic, $"the line '{Shorten(line)}' is not a MetaImage 'Key = Value' pair.");
            }

            fields[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        if (!fields.ContainsKey("ObjectType") && !fields.ContainsKey("NDims"))
        {
            throw new ImageFileException(path, ImageFileProblem.BadMagic, "no ObjectType or NDims field; this is not a MetaImage header.");
        }

        string Field(string name) => fields.TryGetValue(name, out var v)
            ? v
            : throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"the required field '{name}' is missing.");

        int ndims = (int)HeaderText.ParseLong(path, "NDims", Field("NDims"));
        if (ndims is < 1 or > 4)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"NDims = {ndims}; 1 to 4 are supported.");
        }

        var dimSize = HeaderText.Words(Field("DimSize")).Select(w => HeaderText.ParseLong(path, "DimSize", w)).ToArray();
        if (dimSize.Length != ndims)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"DimSize lists {dimSize.Length} values for NDims = {ndims}.");
        }

        foreach (var d in dimSize)
        {
            if (d <= 0)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"DimSize '{Field("DimSize")}' contains a value below 1.");
            }
        }

        var pixelType = ParseType(path, Field("ElementType"));
        long components = fields.TryGetValue("ElementNumberOfChannels", out var ch) ? HeaderText.ParseLong(path, "ElementNumberOfChannels", ch) : 1;
        if (components < 1)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"ElementNumberOfChannels = {components}.");
        }

        int spatial = Math.Min(ndims, 3);
        var size = new long[] { 1, 1, 1 };
        for (int a = 0; a < spatial; a++)
        {
            size[a] = dimSize[a];
        }

        if (ndims == 4)
        {
            // A 4D MetaImage (time series) becomes a multi-component image, planar like our storage.
            if (components != 1)
            {
                throw new ImageFileException(path, ImageFileProblem.Unsupported, "4D images with several channels per voxel are not supported.");
            }

            components = dimSize[3];
        }

        var spacing = Values(path, fields, ["ElementSpacing", "ElementSize"], ndims, 1.0);
        var origin = Values(path, fields, ["Offset", "Origin", "Position"], ndims, 0.0);
        string[] matrixNames = ["TransformMatrix", "Rotation", "Orientation"];
        var matrix = Values(path, fields, matrixNames, ndims * ndims, 0.0);
        var direction = Matrix3.Identity;
        if (matrixNames.Any(fields.ContainsKey))
        {
            var cols = new Vec3[3] { new(1, 0, 0), new(0, 1, 0), new(0, 0, 1) };
            for (int c = 0; c < spatial; c++)
            {
                cols[c] = new Vec3(matrix[c * ndims], spatial > 1 ? matrix[c * ndims + 1] : 0, spatial > 2 ? matrix[c * ndims + 2] : 0);
            }

            direction = Matrix3.FromColumns(cols[0], cols[1], cols[2]);
        }

        var geometry = VoxelBuffer.Geometry(
            path, size, new Vec3(spacing[0], spatial > 1 ? spacing[1] : 1, spatial > 2 ? spacing[2] : 1),
            new Vec3(origin[0], spatial > 1 ? origin[1] : 0, spatial > 2 ? origin[2] : 0), direction);
        long expected = VoxelBuffer.ExpectedBytes(path, geometry.VoxelCount, components, pixelType, streamed);
        bool bigEndian = (fields.TryGetValue("BinaryDataByteOrderMSB", out var msb) || fields.TryGetValue("ElementByteOrderMSB", out msb))
            && msb.Equals("True", StringComparison.OrdinalIgnoreCase);
        bool compressed = fields.TryGetValue("CompressedData", out var cd) && cd.Equals("True", StringComparison.OrdinalIgnoreCase);
        string dataFile = Field("ElementDataFile");
        string dataPath = path;
        long start = dataOffset;
        if (!dataFile.Equals("LOCAL", StringComparison.OrdinalIgnoreCase))
        {
            if (dataFile.StartsWith("LIST", StringComparison.OrdinalIgnoreCase) || dataFile.Contains('%', StringComparison.Ordinal))
            {
                throw new ImageFileException(path, ImageFileProblem.Unsupported, $"multi-file data '{dataFile}' is not supported.");
            }

            dataPath = DetachedData.Resolve(path, dataFile);
            start = fields.TryGetValue("HeaderSize", out var hs) ? HeaderText.ParseLong(path, "HeaderSize", hs) : 0;
        }
        else if (dataOffset < 0)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated, "the header has no ElementDataFile line followed by voxel data.");
        }

        return new Layout(pixelType, geometry, components, ndims, expected, bigEndian, compressed, dataPath, start);
    }

    public static void Write(Image image, string path, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var g = image.Geometry;
        int elementSize = image.PixelType.SizeInBytes();
        byte[] payload = image.Components > 1
            ? VoxelBuffer.Interleave(image.AsBytes(), image.VoxelCount, image.Components, elementSize)
            : image.AsBytes().ToArray();
        if (compress)
        {
            using var ms = new MemoryStream();
            using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(payload);
            }

            payload = ms.ToArray();
        }

        var d = g.Direction;
        var sb = new StringBuilder();
        sb.Append("ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n");
        sb.Append(CultureInfo.InvariantCulture, $"CompressedData = {(compress ? "True" : "False")}\n");
        if (compress)
        {
            sb.Append(CultureInfo.InvariantCulture, $"CompressedDataSize = {payload.Length}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"TransformMatrix = {Join(d.Column(0), d.Column(1), d.Column(2))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Offset = {Join(g.Origin)}\n");
        sb.Append("CenterOfRotation = 0 0 0\n");
        sb.Append(CultureInfo.InvariantCulture, $"ElementSpacing = {Join(g.Spacing)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"DimSize = {g.Size.X} {g.Size.Y} {g.Size.Z}\n");
        if (image.Components > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ElementNumberOfChannels = {image.Components}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"ElementType = {TypeName(image.PixelType)}\n");
        bool detached = path.EndsWith(".mhd", StringComparison.OrdinalIgnoreCase);
        if (detached)
        {
            string dataName = Path.GetFileNameWithoutExtension(path) + (compress ? ".zraw" : ".raw");
            string dataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", dataName);
            sb.Append(CultureInfo.InvariantCulture, $"ElementDataFile = {dataName}\n");
            ImageFile.WriteGuarded(dataPath, s => s.Write(payload));
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
            sb.Append("ElementDataFile = LOCAL\n");
            ImageFile.WriteGuarded(path, s =>
            {
                s.Write(Encoding.ASCII.GetBytes(sb.ToString()));
                s.Write(payload);
            });
        }
    }

    private static string Join(params Vec3[] vs) =>
        string.Join(' ', vs.SelectMany(v => new[] { v.X, v.Y, v.Z }).Select(HeaderText.Number));

    private static double[] Values(string path, Dictionary<string, string> fields, string[] names, int count, double fallback)
    {
        foreach (var name in names)
        {
            if (fields.TryGetValue(name, out var text))
            {
                var v = HeaderText.Words(text).Select(w => HeaderText.ParseDouble(path, name, w)).ToArray();
                if (v.Length < count)
                {
                    throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"'{name}' has {v.Length} values; {count} are needed.");
                }

                return v;
            }
        }

        return Enumerable.Repeat(fallback, count).ToArray();
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static PixelType ParseType(string path, string type) => type.ToUpperInvariant() switch
    {
        "MET_UCHAR" => PixelType.UInt8,
        "MET_CHAR" => PixelType.Int8,
        "MET_USHORT" => PixelType.UInt16,
        "MET_SHORT" => PixelType.Int16,
        "MET_UINT" or "MET_ULONG" => PixelType.UInt32,
        "MET_INT" or "MET_LONG" => PixelType.Int32,
        "MET_ULONG_LONG" => PixelType.UInt64,
        "MET_LONG_LONG" => PixelType.Int64,
        "MET_FLOAT" => PixelType.Float32,
        "MET_DOUBLE" => PixelType.Float64,
        _ => throw new ImageFileException(path, ImageFileProblem.UnsupportedDataType, $"ElementType '{type}' is not supported."),
    };

    private static string TypeName(PixelType type) => type switch
    {
        PixelType.UInt8 => "MET_UCHAR",
        PixelType.Int8 => "MET_CHAR",
        PixelType.UInt16 => "MET_USHORT",
        PixelType.Int16 => "MET_SHORT",
        PixelType.UInt32 => "MET_UINT",
        PixelType.Int32 => "MET_INT",
        PixelType.UInt64 => "MET_ULONG_LONG",
        PixelType.Int64 => "MET_LONG_LONG",
        PixelType.Float32 => "MET_FLOAT",
        PixelType.Float64 => "MET_DOUBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
