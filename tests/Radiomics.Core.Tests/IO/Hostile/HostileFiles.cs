using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Radiomics.Imaging;
using Radiomics.IO;

namespace Radiomics.Core.Tests.IO.Hostile;

/// <summary>
/// A deterministic generator of hostile image files: path escapes through detached data, sizes that overflow,
/// skips beyond the file, cut or padded compressed streams, non-finite and sheared orientations, special files,
/// and seeded random mutations of valid files in every format. Each case states what reading it must give.
/// </summary>
internal static class HostileFiles
{
    private static readonly ImageFileProblem[] Outside = [ImageFileProblem.OutsideData];
    private static readonly ImageFileProblem[] TooBig = [ImageFileProblem.TooLarge];
    private static readonly ImageFileProblem[] Orientation = [ImageFileProblem.InvalidOrientation];
    private static readonly ImageFileProblem[] Special = [ImageFileProblem.NotARegularFile];
    private static readonly ImageFileProblem[] BadStream =
        [ImageFileProblem.CorruptCompression, ImageFileProblem.Truncated, ImageFileProblem.DataLengthMismatch];

    /// <summary>The image every valid file holds: 4×3×2 int16 on an oblique grid.</summary>
    public static Image<short> Sample { get; } = TestImages.Random<short>(TestImages.Oblique(4, 3, 2), seed: 19);

    public static List<HostileCase> Generate(string folder, int seed, int mutationsPerFormat)
    {
        var cases = new List<HostileCase>();
        PathEscapes(Sub(folder, "escape"), cases);
        Arithmetic(Sub(folder, "arithmetic"), cases);
        Compression(Sub(folder, "compression"), cases);
        Geometry(Sub(folder, "geometry"), cases);
        SpecialFiles(Sub(folder, "special"), cases);
        Mutations(Sub(folder, "mutation"), seed, mutationsPerFormat, cases);
        return cases;
    }

    private static string Sub(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Raw => Convert.ToHexString(MemoryMarshal.AsBytes(Sample.Voxels));

    private static byte[] RawBytes => MemoryMarshal.AsBytes(Sample.Voxels).ToArray();

    private static string NrrdHeader(string extra, string encoding = "raw") =>
        "NRRD0004\ntype: int16\ndimension: 3\nspace: left-posterior-superior\nsizes: 4 3 2\n" +
        "space directions: (0.7,0,0) (0,1.3,0) (0,0,2.9)\nendian: little\n" +
        $"encoding: {encoding}\nspace origin: (1,2,3)\n{extra}";

    private static string MetaHeader(string extra, string dataFile = "LOCAL") =>
        "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n" +
        $"TransformMatrix = 1 0 0 0 1 0 0 0 1\nOffset = 1 2 3\nElementSpacing = 0.7 1.3 2.9\nDimSize = 4 3 2\n{extra}" +
        $"ElementType = MET_SHORT\nElementDataFile = {dataFile}\n";

    private static string Text(string folder, string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text, Encoding.ASCII);
        return path;
    }

    private static string Bytes(string folder, string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    public static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        using var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    /// <summary>A complete gzip member of no data (header, empty final deflate block, CRC 0, ISIZE 0).</summary>
    private static byte[] EmptyGzipMember => [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static byte[] Zlib(ReadOnlySpan<byte> data)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    /// <summary>A valid uncompressed NIfTI-1 (or NIfTI-2) file of <see cref="Sample"/>, as bytes to patch.</summary>
    public static byte[] Nii(int version = 1)
    {
        using var tmp = new Radiomics.TestSupport.TempDirectory();
        string path = tmp.File("x.nii");
        Nifti.Write(Sample, path, new NiftiWriteOptions { Version = version == 2 ? NiftiVersion.Nifti2 : NiftiVersion.Nifti1 });
        return File.ReadAllBytes(path);
    }

    private static byte[] Patch(byte[] source, Action<Span<byte>> patch)
    {
        var copy = source.ToArray();
        patch(copy);
        return copy;
    }

    private static void PathEscapes(string folder, List<HostileCase> cases)
    {
        const string C = "path escape";
        string inner = Sub(folder, "header");
        File.WriteAllBytes(Path.Combine(folder, "outside.raw"), RawBytes);
        File.WriteAllBytes(Path.Combine(inner, "inside.raw"), RawBytes);
        cases.Add(new(C, "nrrd data file /etc/passwd", Text(inner, "passwd.nhdr", NrrdHeader("data file: /etc/passwd\n")), Outside));
        cases.Add(new(C, "nrrd data file ../outside.raw", Text(inner, "parent.nhdr", NrrdHeader("data file: ../outside.raw\n")), Outside));
        cases.Add(new(C, "nrrd data file inside/../../outside.raw", Text(inner, "climb.nhdr", NrrdHeader("data file: x/../../outside.raw\n")), Outside));
        cases.Add(new(C, "nrrd data file beside its header", Text(inner, "beside.nhdr", NrrdHeader("data file: inside.raw\n")), HostileCase.Reads));
        cases.Add(new(C, "nrrd data file LIST", Text(inner, "list.nhdr", NrrdHeader("data file: LIST\n")), [ImageFileProblem.Unsupported]));
        cases.Add(new(C, "nrrd data file pattern", Text(inner, "pattern.nhdr", NrrdHeader("data file: ../slice%03d.raw 0 1 1\n")), [ImageFileProblem.Unsupported, ImageFileProblem.OutsideData]));
        cases.Add(new(C, "mhd ElementDataFile /etc/passwd, HeaderSize -1", Text(inner, "passwd.mhd", MetaHeader("HeaderSize = -1\n", "/etc/passwd")), Outside));
        cases.Add(new(C, "mhd ElementDataFile ../outside.raw", Text(inner, "parent.mhd", MetaHeader("", "../outside.raw")), Outside));
        cases.Add(new(C, "mhd ElementDataFile beside its header", Text(inner, "beside.mhd", MetaHeader("", "inside.raw")), HostileCase.Reads));
        cases.Add(new(C, "mhd ElementDataFile NUL", Text(inner, "nul.mhd", MetaHeader("", "a\u0001b")), [ImageFileProblem.NotFound]));
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(inner, "link_out.raw"), Path.Combine(folder, "outside.raw"));
            File.CreateSymbolicLink(Path.Combine(inner, "link_in.raw"), Path.Combine(inner, "inside.raw"));
            Directory.CreateSymbolicLink(Path.Combine(inner, "dirlink"), folder);
            cases.Add(new(C, "nrrd data file: symlink leading out", Text(inner, "link_out.nhdr", NrrdHeader("data file: link_out.raw\n")), Outside));
            cases.Add(new(C, "nrrd data file: folder symlink leading out", Text(inner, "dirlink.nhdr", NrrdHeader("data file: dirlink/outside.raw\n")), Outside));
            cases.Add(new(C, "mhd data file: symlink leading out", Text(inner, "link_out.mhd", MetaHeader("", "link_out.raw")), Outside));
            cases.Add(new(C, "nrrd data file: symlink staying inside", Text(inner, "link_in.nhdr", NrrdHeader("data file: link_in.raw\n")), HostileCase.Reads));
        }
    }

    private static void Arithmetic(string folder, List<HostileCase> cases)
    {
        const string C = "arithmetic";
        var nii = Nii();
        var nii2 = Nii(2);
        cases.Add(new(C, "nii.gz vox_offset 1e30", Bytes(folder, "voxoffset.nii.gz", Gzip(Patch(nii, b => BinaryPrimitives.WriteSingleLittleEndian(b[108..], 1e30f)))),
            [ImageFileProblem.Truncated, ImageFileProblem.InvalidHeader, ImageFileProblem.TooLarge]));
        cases.Add(new(C, "nii.gz vox_offset 1e9", Bytes(folder, "voxoffset9.nii.gz", Gzip(Patch(nii, b => BinaryPrimitives.WriteSingleLittleEndian(b[108..], 1e9f)))),
            [ImageFileProblem.Truncated]));
        cases.Add(new(C, "nii vox_offset NaN", Bytes(folder, "voxoffsetnan.nii", Patch(nii, b => BinaryPrimitives.WriteSingleLittleEndian(b[108..], float.NaN))),
            [ImageFileProblem.InvalidHeader]));
        cases.Add(new(C, "nii-2 vox_offset long.MaxValue", Bytes(folder, "voxoffsetmax.nii.gz", Gzip(Patch(nii2, b => BinaryPrimitives.WriteInt64LittleEndian(b[168..], long.MaxValue)))),
            [ImageFileProblem.Truncated, ImageFileProblem.TooLarge]));
        cases.Add(new(C, "nii-2 5-D with dims 2^32", Bytes(folder, "dims5.nii", Patch(nii2, b =>
        {
            BinaryPrimitives.WriteInt64LittleEndian(b[16..], 5);
            for (int i = 1; i <= 5; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(b[(16 + 8 * i)..], 1L << 32);
            }
        })), [ImageFileProblem.TooLarge]));
        cases.Add(new(C, "nii-2 dims whose product wraps to 0", Bytes(folder, "wrap.nii", Patch(nii2, b =>
        {
            BinaryPrimitives.WriteInt64LittleEndian(b[16..], 4);
            BinaryPrimitives.WriteInt64LittleEndian(b[24..], 1);
            BinaryPrimitives.WriteInt64LittleEndian(b[32..], 1);
            BinaryPrimitives.WriteInt64LittleEndian(b[40..], 1L << 32);
            BinaryPrimitives.WriteInt64LittleEndian(b[48..], 1L << 32);
        })), [ImageFileProblem.TooLarge]));
        cases.Add(new(C, "nii negative dim", Bytes(folder, "negdim.nii", Patch(nii, b => BinaryPrimitives.WriteInt16LittleEndian(b[42..], -4))),
            [ImageFileProblem.InvalidDimensions]));
        cases.Add(new(C, "nii dim[0] 9", Bytes(folder, "ndim9.nii", Patch(nii, b => BinaryPrimitives.WriteInt16LittleEndian(b[40..], 9))),
            [ImageFileProblem.InvalidDimensions]));
        var raw = RawBytes;
        cases.Add(new(C, "nrrd raw byte skip 1e12", Bytes(folder, "skip.nrrd", Concat(Ascii(NrrdHeader("byte skip: 1000000000000\n") + "\n"), raw)), [ImageFileProblem.Truncated]));
        cases.Add(new(C, "nrrd gzip byte skip 1e12", Bytes(folder, "skipgz.nrrd", Concat(Ascii(NrrdHeader("byte skip: 1000000000000\n", "gzip") + "\n"), Gzip(raw))), [ImageFileProblem.Truncated]));
        cases.Add(new(C, "nrrd byte skip -5", Bytes(folder, "skipneg.nrrd", Concat(Ascii(NrrdHeader("byte skip: -5\n") + "\n"), raw)), [ImageFileProblem.InvalidHeader]));
        cases.Add(new(C, "nrrd line skip 1e18", Bytes(folder, "lineskip.nrrd", Concat(Ascii(NrrdHeader("line skip: 1000000000000000000\n") + "\n"), raw)), [ImageFileProblem.Truncated]));
        cases.Add(new(C, "nrrd byte skip -1 (data at the end)", Bytes(folder, "skipend.nrrd", Concat(Ascii(NrrdHeader("byte skip: -1\n") + "\n"), raw)), HostileCase.Reads));
        cases.Add(new(C, "nrrd sizes 1e5 cubed", Bytes(folder, "huge.nrrd", Concat(Ascii(NrrdHeader("").Replace("sizes: 4 3 2", "sizes: 100000 100000 100000", StringComparison.Ordinal) + "\n"), raw)), TooBig));
        cases.Add(new(C, "nrrd sizes long.MaxValue", Bytes(folder, "max.nrrd", Concat(Ascii(NrrdHeader("").Replace("sizes: 4 3 2", "sizes: 9223372036854775807 9223372036854775807 2", StringComparison.Ordinal) + "\n"), raw)), TooBig));
        cases.Add(new(C, "nrrd sizes 2^21 each (product wraps 64 bits)", Bytes(folder, "wrap.nrrd", Concat(Ascii(NrrdHeader("").Replace("sizes: 4 3 2", "sizes: 2097152 2097152 2097152", StringComparison.Ordinal) + "\n"), raw)), TooBig));
        cases.Add(new(C, "mha DimSize 65536 cubed", Bytes(folder, "huge.mha", Concat(Ascii(MetaHeader("").Replace("DimSize = 4 3 2", "DimSize = 65536 65536 65536", StringComparison.Ordinal)), raw)), TooBig));
        cases.Add(new(C, "mha channels 2^40", Bytes(folder, "channels.mha", Concat(Ascii(MetaHeader("ElementNumberOfChannels = 1099511627776\n")), raw)), TooBig));
        cases.Add(new(C, "mhd HeaderSize -7", Text(folder, "hs.mhd", MetaHeader("HeaderSize = -7\n", "hs.raw")), [ImageFileProblem.InvalidHeader, ImageFileProblem.NotFound]));
        File.WriteAllBytes(Path.Combine(folder, "hs.raw"), raw);
    }

    private static void Compression(string folder, List<HostileCase> cases)
    {
        const string C = "compression";
        var nii = Nii();
        var gz = Gzip(nii);
        var raw = RawBytes;
        var nrrdGz = Concat(Ascii(NrrdHeader("", "gzip") + "\n"), Gzip(raw));
        var mha = Concat(Ascii(MetaHeader("CompressedData = True\n")), Zlib(raw));
        var formats = new (string Name, string Ext, byte[] Bytes)[] { ("nii.gz", ".nii.gz", gz), ("nrrd gzip", ".nrrd", nrrdGz), ("mha zlib", ".mha", mha) };
        foreach (var (name, ext, bytes) in formats)
        {
            string stem = name.Replace(' ', '_').Replace('.', '_');
            cases.Add(new(C, $"{name} valid", Bytes(folder, $"{stem}_valid{ext}", bytes), HostileCase.Reads));
            foreach (int cut in new[] { 1, 2, 4, 8 })
            {
                cases.Add(new(C, $"{name} last {cut} bytes cut", Bytes(folder, $"{stem}_cut{cut}{ext}", bytes[..^cut]), BadStream));
            }

            cases.Add(new(C, $"{name} 1 byte of trailing garbage", Bytes(folder, $"{stem}_tail1{ext}", Concat(bytes, [0x42])), BadStream));
            cases.Add(new(C, $"{name} 64 bytes of trailing garbage", Bytes(folder, $"{stem}_tail64{ext}", Concat(bytes, Enumerable.Range(0, 64).Select(i => (byte)(i * 37)).ToArray())), BadStream));
            cases.Add(new(C, $"{name} trailing zeros", Bytes(folder, $"{stem}_zeros{ext}", Concat(bytes, new byte[16])), BadStream));
            cases.Add(new(C, $"{name} checksum flipped", Bytes(folder, $"{stem}_crc{ext}", Patch(bytes, b => b[b.Length - (ext == ".mha" ? 1 : 5)] ^= 0x10)), BadStream));
        }

        cases.Add(new(C, "nii.gz with a second gzip member", Bytes(folder, "member.nii.gz", Concat(gz, Gzip([1, 2, 3]))), BadStream));
        cases.Add(new(C, "nii.gz with an empty second gzip member", Bytes(folder, "empty_member.nii.gz", Concat(gz, EmptyGzipMember)), BadStream));
        cases.Add(new(C, "nii.gz not gzip", Bytes(folder, "plain.nii.gz", nii), [ImageFileProblem.BadMagic]));
    }

    private static void Geometry(string folder, List<HostileCase> cases)
    {
        const string C = "geometry";
        var raw = RawBytes;
        string[] matrices = ["nan 0 0 0 1 0 0 0 1", "inf 0 0 0 1 0 0 0 1", "1 0 0 0.5 1 0 0 0 1", "1 0 0 1 0 0 0 0 1", "0 0 0 0 1 0 0 0 1", "1 0 0 0 1 0 0 0 1.00001e-9"];
        string[] names = ["NaN", "infinity", "sheared", "two equal columns", "zero column", "tiny column"];
        for (int i = 0; i < matrices.Length; i++)
        {
            var mha = Concat(Ascii(MetaHeader("").Replace("TransformMatrix = 1 0 0 0 1 0 0 0 1", $"TransformMatrix = {matrices[i]}", StringComparison.Ordinal)), raw);
            cases.Add(new(C, $"mha TransformMatrix {names[i]}", Bytes(folder, $"matrix{i}.mha", mha),
                i == 5 ? HostileCase.Reads : i == 1 ? [ImageFileProblem.InvalidOrientation, ImageFileProblem.InvalidHeader] : Orientation));
        }

        string[] directions = ["(nan,0,0) (0,1.3,0) (0,0,2.9)", "(0.7,0,0) (0.5,1.3,0) (0,0,2.9)", "(0.7,0,0) (0.7,0,0) (0,0,2.9)", "(0,0,0) (0,1.3,0) (0,0,2.9)"];
        string[] dnames = ["NaN", "sheared", "two equal columns", "zero column"];
        for (int i = 0; i < directions.Length; i++)
        {
            var nrrd = Concat(Ascii(NrrdHeader("").Replace("(0.7,0,0) (0,1.3,0) (0,0,2.9)", directions[i], StringComparison.Ordinal) + "\n"), raw);
            cases.Add(new(C, $"nrrd space directions {dnames[i]}", Bytes(folder, $"directions{i}.nrrd", nrrd),
                dnames[i] is "zero column" or "NaN" ? [ImageFileProblem.InvalidOrientation, ImageFileProblem.InvalidSpacing] : Orientation));
        }

        var nii = Nii();
        cases.Add(new(C, "nii sheared sform only", Bytes(folder, "sheared.nii", Patch(nii, b =>
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[252..], 0);
            BinaryPrimitives.WriteInt16LittleEndian(b[254..], 1);
            float[] srow = [0.7f, 0.5f, 0, 1, 0, 1.3f, 0, 2, 0, 0, 2.9f, 3];
            for (int k = 0; k < 12; k++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(b[(280 + 4 * k)..], srow[k]);
            }
        })), Orientation));
        cases.Add(new(C, "nii NaN sform only", Bytes(folder, "nansform.nii", Patch(nii, b =>
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[252..], 0);
            BinaryPrimitives.WriteInt16LittleEndian(b[254..], 1);
            BinaryPrimitives.WriteSingleLittleEndian(b[280..], float.NaN);
        })), [ImageFileProblem.InvalidOrientation, ImageFileProblem.InvalidHeader]));
        cases.Add(new(C, "nii pixdim NaN", Bytes(folder, "nanpixdim.nii", Patch(nii, b => BinaryPrimitives.WriteSingleLittleEndian(b[80..], float.NaN))), [ImageFileProblem.InvalidSpacing]));
        cases.Add(new(C, "mha spacing -1", Bytes(folder, "spacing.mha", Concat(Ascii(MetaHeader("").Replace("ElementSpacing = 0.7 1.3 2.9", "ElementSpacing = -1 1.3 2.9", StringComparison.Ordinal)), raw)), [ImageFileProblem.InvalidSpacing]));
        cases.Add(new(C, "mha origin inf", Bytes(folder, "origin.mha", Concat(Ascii(MetaHeader("").Replace("Offset = 1 2 3", "Offset = inf 2 3", StringComparison.Ordinal)), raw)), [ImageFileProblem.InvalidHeader]));
    }

    private static void SpecialFiles(string folder, List<HostileCase> cases)
    {
        const string C = "special file";
        Directory.CreateDirectory(Path.Combine(folder, "folder.nii"));
        cases.Add(new(C, "a folder named .nii", Path.Combine(folder, "folder.nii"), [ImageFileProblem.NotARegularFile, ImageFileProblem.NotFound]));
        cases.Add(new(C, "an empty .nrrd", Bytes(folder, "empty.nrrd", []), Special));
        if (!OperatingSystem.IsWindows())
        {
            string fifo = Path.Combine(folder, "fifo.nii");
            if (MakeFifo(fifo) == 0)
            {
                cases.Add(new(C, "a FIFO named .nii", fifo, Special));
            }

            File.CreateSymbolicLink(Path.Combine(folder, "zero.nii"), "/dev/zero");
            cases.Add(new(C, "a link to /dev/zero named .nii", Path.Combine(folder, "zero.nii"), Special));
            File.CreateSymbolicLink(Path.Combine(folder, "null.mha"), "/dev/null");
            cases.Add(new(C, "a link to /dev/null named .mha", Path.Combine(folder, "null.mha"), Special));
            string fifoData = Path.Combine(folder, "fifo.raw");
            if (MakeFifo(fifoData) == 0)
            {
                cases.Add(new(C, "a detached data file that is a FIFO", Text(folder, "fifo.nhdr", NrrdHeader("data file: fifo.raw\n")), Special));
            }
        }
    }

    /// <summary>Makes a FIFO with the system's mkfifo; 0 on success.</summary>
    private static int MakeFifo(string path)
    {
        try
        {
            using var p = System.Diagnostics.Process.Start("mkfifo", [path]);
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    /// <summary>Valid files of every format with seeded damage: bytes flipped, cut, header values replaced with extremes.</summary>
    private static void Mutations(string folder, int seed, int perFormat, List<HostileCase> cases)
    {
        const string C = "mutation";
        var rng = new Random(seed);
        var raw = RawBytes;
        var sources = new (string Ext, byte[] Bytes, int HeaderLength)[]
        {
            (".nii", Nii(), 352),
            (".nii.gz", Gzip(Nii()), 0),
            (".nii", Nii(2), 544),
            (".nrrd", Concat(Ascii(NrrdHeader("", "gzip") + "\n"), Gzip(raw)), NrrdHeader("", "gzip").Length),
            (".nrrd", Concat(Ascii(NrrdHeader("") + "\n"), raw), NrrdHeader("").Length),
            (".mha", Concat(Ascii(MetaHeader("CompressedData = True\n")), Zlib(raw)), MetaHeader("CompressedData = True\n").Length),
            (".mha", Concat(Ascii(MetaHeader("")), raw), MetaHeader("").Length),
        };
        string[] extremes = ["-1", "0", "nan", "inf", "-inf", "1e308", "-1e308", "4294967296", "9223372036854775807", "18446744073709551616", "", "x", "../x", "/etc/passwd", "1 2", "2147483648"];
        for (int s = 0; s < sources.Length; s++)
        {
            var (ext, bytes, headerLength) = sources[s];
            bool text = ext is ".nrrd" or ".mha";
            for (int m = 0; m < perFormat; m++)
            {
                byte[] mutated;
                int kind = rng.Next(4);
                if (kind == 0)
                {
                    mutated = bytes[..rng.Next(bytes.Length)];
                }
                else if (kind == 1 || !text)
                {
                    mutated = bytes.ToArray();
                    int flips = 1 + rng.Next(4);
                    int range = headerLength > 0 && rng.Next(3) > 0 ? headerLength : mutated.Length;
                    for (int f = 0; f < flips; f++)
                    {
                        int at = rng.Next(range);
                        mutated[at] = rng.Next(2) == 0 ? (byte)rng.Next(256) : (byte)(mutated[at] ^ (1 << rng.Next(8)));
                    }
                }
                else
                {
                    // Replace one header value with an extreme.
                    string header = Encoding.ASCII.GetString(bytes, 0, headerLength);
                    var lines = header.Split('\n');
                    int line = 1 + rng.Next(lines.Length - 2);
                    int sep = lines[line].IndexOf(ext == ".nrrd" ? ": " : " = ", StringComparison.Ordinal);
                    if (sep > 0)
                    {
                        var words = lines[line][(sep + (ext == ".nrrd" ? 2 : 3))..].Split(' ');
                        words[rng.Next(words.Length)] = extremes[rng.Next(extremes.Length)];
                        lines[line] = lines[line][..(sep + (ext == ".nrrd" ? 2 : 3))] + string.Join(' ', words);
                    }

                    mutated = Concat(Ascii(string.Join('\n', lines)), bytes[headerLength..]);
                }

                string name = string.Create(CultureInfo.InvariantCulture, $"m{s}_{m}{ext}");
                cases.Add(new(C, name, Bytes(folder, name, mutated), null));
            }
        }
    }
}
