using System.IO.Compression;
using System.Text;

namespace Radiomics.IO.Dicom;

/// <summary>
/// One DICOM Part 10 file: its file meta information, transfer syntax and data set. <see cref="Open"/> reads the whole
/// file; <see cref="OpenHeader"/> reads only as far as the pixel data, for listing folders fast.
/// </summary>
public sealed class DicomFile
{
    /// <summary>Largest inflated data set of a deflated file accepted (a compressed bomb stops here).</summary>
    public const long MaxInflatedBytes = 2L << 30;

    private const int FirstHeaderRead = 16 << 10;

    private DicomFile(string path, string transferSyntaxUid, DicomDataset meta, DicomDataset dataset, bool hasPixelData, (long Offset, long Length)? nativePixelData = null)
    {
        NativePixelData = nativePixelData;
        Path = path;
        TransferSyntaxUid = transferSyntaxUid;
        Meta = meta;
        Dataset = dataset;
        HasPixelData = hasPixelData;
    }

    public string Path { get; }

    public string TransferSyntaxUid { get; }

    /// <summary>The file meta information group (0002,xxxx).</summary>
    public DicomDataset Meta { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The data set has a PixelData element (read or, for headers, skipped).</summary>
    public bool HasPixelData { get; }

    /// <summary>
    /// For a header read (<see cref="OpenHeader"/>) of native, not deflated, pixel data: where the PixelData value
    /// starts in the file and its declared length (not yet checked against the file), so the pixels can be read
    /// straight from there without parsing the file again; else null.
    /// </summary>
    internal (long Offset, long Length)? NativePixelData { get; }

    /// <summary>True when the file starts with the 128-byte preamble and "DICM".</summary>
    public static bool HasPart10Signature(string path)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            Span<byte> head = stackalloc byte[132];
            return fs.ReadAtLeast(head, 132, throwOnEndOfStream: false) == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the whole file (pixel data included).</summary>
    public static DicomFile Open(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.", e);
        }

        return Parse(bytes, path, partial: false, stopAtPixelData: false);
    }

    /// <summary>Reads the elements before the pixel data only, reading no more of the file than they need.</summary>
    public static DicomFile OpenHeader(string path)
    {
        using var fs = OpenStream(path);
        long fileLength = fs.Length;
        int size = (int)Math.Min(fileLength, FirstHeaderRead);
        while (true)
        {
            var buffer = new byte[size];
            fs.Position = 0;
            fs.ReadExactly(buffer);
            try
            {
                return Parse(buffer, path, partial: size < fileLength, stopAtPixelData: true);
            }
            catch (DicomParser.NeedMoreDataException)
            {
                size = (int)Math.Min(fileLength, Math.Min((long)size * 4, Array.MaxLength));
            }
        }
    }

    private static FileStream OpenStream(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        }
        catch (FileNotFoundException e)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.", e);
        }
    }

    internal static DicomFile Parse(byte[] bytes, string path, bool partial, bool stopAtPixelData)
    {
        int pos;
        DicomDataset meta;
        if (bytes.Length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M')
        {
            pos = 132;
            meta = ReadMeta(bytes, path, ref pos, partial);
        }
        else if (bytes.Length >= 8 && bytes[1] == 0 && (bytes[0] == 0x08 || bytes[0] == 0x02) && bytes[3] == 0)
        {
            // No preamble: a bare data set (old ACR-NEMA style files), read as implicit VR little endian unless meta says otherwise.
            pos = 0;
            meta = bytes[0] == 0x02 ? ReadMeta(bytes, path, ref pos, partial) : new DicomDataset(false, null);
        }
        else
        {
            throw new ImageFileException(path, ImageFileProblem.BadMagic, bytes.Length < 132 ? "too short for a DICOM file (no 'DICM' at byte 128)." : "no 'DICM' signature at byte 128.");
        }

        string ts = meta.GetString(DicomTags.TransferSyntaxUid)?.Trim() ?? TransferSyntax.ImplicitVrLittleEndian;
        bool bigEndian = ts == TransferSyntax.ExplicitVrBigEndian;
        bool explicitVr = ts != TransferSyntax.ImplicitVrLittleEndian;
        bool hasPixelData;
        DicomDataset dataset;
        if (ts == TransferSyntax.DeflatedExplicitVrLittleEndian)
        {
            var inflated = Inflate(bytes, pos, path);
            dataset = new DicomParser(inflated, path, true, false, partial: false).ParseTopLevel(0, inflated.Length, stopAtPixelData, out hasPixelData);
        }
        else
        {
            var parser = new DicomParser(bytes, path, explicitVr, bigEndian, partial);
            dataset = parser.ParseTopLevel(pos, bytes.Length, stopAtPixelData, out hasPixelData);
            if (stopAtPixelData && hasPixelData && TransferSyntax.IsNative(ts))
            {
                return new DicomFile(path, ts, meta, dataset, hasPixelData, parser.NativeValueAt(parser.PixelDataAt));
            }
        }

        return new DicomFile(path, ts, meta, dataset, hasPixelData);
    }

    private static DicomDataset ReadMeta(byte[] bytes, string path, ref int pos, bool partial)
    {
        // The meta group is explicit VR little endian; it ends where group 0002 ends.
        int end = pos;
        while (end + 8 <= bytes.Length && bytes[end] == 0x02 && bytes[end + 1] == 0x00)
        {
            var vr = Encoding.ASCII.GetString(bytes, end + 4, 2);
            long length = vr is "OB" or "OW" or "UN" or "SQ" or "UT" or "UC" or "UR"
                ? (end + 12 <= bytes.Length ? BitConverter.ToUInt32(bytes, end + 8) + 12L : long.MaxValue)
                : BitConverter.ToUInt16(bytes, end + 6) + 8L;
            if (end + length > bytes.Length)
            {
                if (partial)
                {
                    throw new DicomParser.NeedMoreDataException();
                }

                throw new ImageFileException(path, ImageFileProblem.Truncated, "the file meta information ends before its last element.");
            }

            end += (int)length;
        }

        var meta = new DicomParser(bytes, path, true, false, partial).ParseTopLevel(pos, end, false, out _);
        pos = end;
        if (meta.GetString(DicomTags.TransferSyntaxUid) is null)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, "the file meta information has no TransferSyntaxUID (0002,0010).");
        }

        return meta;
    }

    private static byte[] Inflate(byte[] bytes, int pos, string path)
    {
        try
        {
            using var input = new DeflateStream(new MemoryStream(bytes, pos, bytes.Length - pos), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = input.Read(chunk)) > 0)
            {
                if (output.Length + n > MaxInflatedBytes)
                {
                    throw new ImageFileException(path, ImageFileProblem.TooLarge, $"the deflated data set inflates to more than {MaxInflatedBytes >> 20} MiB.");
                }

                output.Write(chunk, 0, n);
            }

            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(path, ImageFileProblem.CorruptCompression, $"the deflated data set cannot be inflated: {e.Message}", e);
        }
    }
}
