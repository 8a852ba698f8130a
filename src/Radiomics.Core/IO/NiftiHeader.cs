using System.Buffers.Binary;
using System.Text;
using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header that the toolkit uses.</summary>
internal sealed class NiftiHeader
{
    public const int Nifti1Size = 348;
    public const int Nifti2Size = 540;
    public const short IntentVector = 1007;

    public int Version { get; set; } = 1;
    public bool BigEndian { get; set; }
    public long[] Dim { get; } = new long[8];
    public short Datatype { get; set; }
    public double[] Pixdim { get; } = new double[8];
    public long VoxOffset { get; set; }
    public double SclSlope { get; set; }
    public double SclInter { get; set; }
    public int QformCode { get; set; }
    public int SformCode { get; set; }
    public double QuaternB { get; set; }
    public double QuaternC { get; set; }
    public double QuaternD { get; set; }
    public Vec3 QOffset { get; set; }
    public double[][] Srow { get; } = [new double[4], new double[4], new double[4]];
    public int IntentCode { get; set; }
    public int XyztUnits { get; set; }
    public string Description { get; set; } = "";

    public int HeaderSize => Version == 2 ? Nifti2Size : Nifti1Size;

    /// <summary>Detects the version and byte order from sizeof_hdr; null when the first 4 bytes are neither.</summary>
    public static (int Version, bool BigEndian)? Detect(ReadOnlySpan<byte> first4)
    {
        int le = BinaryPrimitives.ReadInt32LittleEndian(first4);
        int be = BinaryPrimitives.ReadInt32BigEndian(first4);
        return le switch
        {
            Nifti1Size => (1, false),
            Nifti2Size => (2, false),
            _ => be switch
            {
                Nifti1Size => (1, true),
                Nifti2Size => (2, true),
                _ => null,
            },
        };
    }

    public static NiftiHeader Parse(string path, ReadOnlySpan<byte> b, int version, bool bigEndian)
    {
        var r = new FieldReader(b, bigEndian);
        var h = new NiftiHeader { Version = version, BigEndian = bigEndian };
        if (version == 1)
        {
            string magic = Encoding.ASCII.GetString(b.Slice(344, 3));
            if (magic == "ni1")
            {
                throw new ImageFileException(path, ImageFileProblem.Unsupported, "this is the header of a two-file NIfTI pair (.hdr/.img); convert it to a single .nii file.");
            }

            if (magic != "n+1")
            {
                throw new ImageFileException(path, ImageFileProblem.BadMagic, $"the NIfTI-1 magic is '{Printable(b.Slice(344, 4))}', expected 'n+1'.");
            }

            for (int i = 0; i < 8; i++)
            {
                h.Dim[i] = r.I16(40 + 2 * i);
                h.Pixdim[i] = r.F32(76 + 4 * i);
            }

            h.IntentCode = r.I16(68);
            h.Datatype = r.I16(70);
            h.VoxOffset = (long)r.F32(108);
            h.SclSlope = r.F32(112);
            h.SclInter = r.F32(116);
            h.XyztUnits = b[123];
            h.Description = Encoding.ASCII.GetString(b.Slice(148, 80)).TrimEnd('\0');
            h.QformCode = r.I16(252);
            h.SformCode = r.I16(254);
            h.QuaternB = r.F32(256);
            h.QuaternC = r.F32(260);
            h.QuaternD = r.F32(264);
            h.QOffset = new Vec3(r.F32(268), r.F32(272), r.F32(276));
            for (int row = 0; row < 3; row++)
            {
                for (int c = 0; c < 4; c++)
                {
                    h.Srow[row][c] = r.F32(280 + 16 * row + 4 * c);
                }
            }
        }
        else
        {
            string magic = Encoding.ASCII.GetString(b.Slice(4, 3));
            if (magic == "ni2")
            {
                throw new ImageFileException(path, ImageFileProblem.Unsupported, "this is the header of a two-file NIfTI-2 pair (.hdr/.img); convert it to a single .nii file.");
            }

            if (magic != "n+2")
            {
                throw new ImageFileException(path, ImageFileProblem.BadMagic, $"the NIfTI-2 magic is '{Printable(b.Slice(4, 8))}', expected 'n+2'.");
            }

            h.Datatype = r.I16(12);
            for (int i = 0; i < 8; i++)
            {
                h.Dim[i] = r.I64(16 + 8 * i);
                h.Pixdim[i] = r.F64(104 + 8 * i);
            }

            h.VoxOffset = r.I64(168);
            h.SclSlope = r.F64(176);
            h.SclInter = r.F64(184);
            h.Description = Encoding.ASCII.GetString(b.Slice(240, 80)).TrimEnd('\0');
            h.QformCode = r.I32(344);
            h.SformCode = r.I32(348);
            h.QuaternB = r.F64(352);
            h.QuaternC = r.F64(360);
            h.QuaternD = r.F64(368);
            h.QOffset = new Vec3(r.F64(376), r.F64(384), r.F64(392));
            for (int row = 0; row < 3; row++)
            {
                for (int c = 0; c < 4; c++)
                {
                    h.Srow[row][c] = r.F64(400 + 32 * row + 8 * c);
                }
            }

            h.XyztUnits = r.I32(500);
            h.IntentCode = r.I32(504);
        }

        return h;
    }

    /// <summary>Serialises the header (little-endian) followed by the 4-byte empty extension flag.</summary>
    public byte[] Serialize()
    {
        var b = new byte[HeaderSize + 4];
        var s = b.AsSpan();
        if (Version == 1)
        {
            BinaryPrimitives.WriteInt32LittleEndian(s, Nifti1Size);
            s[38] = (byte)'r';
            for (int i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(s[(40 + 2 * i)..], checked((short)Dim[i]));
                BinaryPrimitives.WriteSingleLittleEndian(s[(76 + 4 * i)..], (float)Pixdim[i]);
            }

            BinaryPrimitives.WriteInt16LittleEndian(s[68..], (short)IntentCode);
            BinaryPrimitives.WriteInt16LittleEndian(s[70..], Datatype);
            BinaryPrimitives.WriteInt16LittleEndian(s[72..], (short)(8 * NiftiDataType.ToPixelType(Datatype)!.Value.SizeInBytes()));
            BinaryPrimitives.WriteSingleLittleEndian(s[108..], VoxOffset);
            BinaryPrimitives.WriteSingleLittleEndian(s[112..], (float)SclSlope);
            BinaryPrimitives.WriteSingleLittleEndian(s[116..], (float)SclInter);
            s[123] = (byte)XyztUnits;
            WriteAscii(s.Slice(148, 80), Description);
            BinaryPrimitives.WriteInt16LittleEndian(s[252..], (short)QformCode);
            BinaryPrimitives.WriteInt16LittleEndian(s[254..], (short)SformCode);
            BinaryPrimitives.WriteSingleLittleEndian(s[256..], (float)QuaternB);
            BinaryPrimitives.WriteSingleLittleEndian(s[260..], (float)QuaternC);
            BinaryPrimitives.WriteSingleLittleEndian(s[264..], (float)QuaternD);
            BinaryPrimitives.WriteSingleLittleEndian(s[268..], (float)QOffset.X);
            BinaryPrimitives.WriteSingleLittleEndian(s[272..], (float)QOffset.Y);
            BinaryPrimitives.WriteSingleLittleEndian(s[276..], (float)QOffset.Z);
            for (int row = 0; row < 3; row++)
            {
                for (int c = 0; c < 4; c++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(s[(280 + 16 * row + 4 * c)..], (float)Srow[row][c]);
                }
            }

            WriteAscii(s.Slice(344, 4), "n+1\0");
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(s, Nifti2Size);
            "n+2\0\r\n\u001a\n"u8.CopyTo(s[4..]);
            BinaryPrimitives.WriteInt16LittleEndian(s[12..], Datatype);
            BinaryPrimitives.WriteInt16LittleEndian(s[14..], (short)(8 * NiftiDataType.ToPixelType(Datatype)!.Value.SizeInBytes()));
            for (int i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(s[(16 + 8 * i)..], Dim[i]);
                BinaryPrimitives.WriteDoubleLittleEndian(s[(104 + 8 * i)..], Pixdim[i]);
            }

            BinaryPrimitives.WriteInt64LittleEndian(s[168..], VoxOffset);
            BinaryPrimitives.WriteDoubleLittleEndian(s[176..], SclSlope);
            BinaryPrimitives.WriteDoubleLittleEndian(s[184..], SclInter);
            WriteAscii(s.Slice(240, 80), Description);
            BinaryPrimitives.WriteInt32LittleEndian(s[344..], QformCode);
            BinaryPrimitives.WriteInt32LittleEndian(s[348..], SformCode);
            BinaryPrimitives.WriteDoubleLittleEndian(s[352..], QuaternB);
            BinaryPrimitives.WriteDoubleLittleEndian(s[360..], QuaternC);
            BinaryPrimitives.WriteDoubleLittleEndian(s[368..], QuaternD);
            BinaryPrimitives.WriteDoubleLittleEndian(s[376..], QOffset.X);
            BinaryPrimitives.WriteDoubleLittleEndian(s[384..], QOffset.Y);
            BinaryPrimitives.WriteDoubleLittleEndian(s[392..], QOffset.Z);
            for (int row = 0; row < 3; row++)
            {
                for (int c = 0; c < 4; c++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(s[(400 + 32 * row + 8 * c)..], Srow[row][c]);
                }
            }

            BinaryPrimitives.WriteInt32LittleEndian(s[500..], XyztUnits);
            BinaryPrimitives.WriteInt32LittleEndian(s[504..], IntentCode);
        }

        return b;
    }

    private static void WriteAscii(Span<byte> target, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        bytes.AsSpan(0, Math.Min(bytes.Length, target.Length)).CopyTo(target);
    }

    private static string Printable(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder();
        foreach (var c in b)
        {
            sb.Append(c is >= 32 and < 127 ? (char)c : '?');
        }

        return sb.ToString();
    }

    private readonly ref struct FieldReader(ReadOnlySpan<byte> b, bool bigEndian)
    {
        private readonly ReadOnlySpan<byte> _b = b;

        public short I16(int o) => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(_b[o..]) : BinaryPrimitives.ReadInt16LittleEndian(_b[o..]);

        public int I32(int o) => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(_b[o..]) : BinaryPrimitives.ReadInt32LittleEndian(_b[o..]);

        public long I64(int o) => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(_b[o..]) : BinaryPrimitives.ReadInt64LittleEndian(_b[o..]);

        public double F32(int o) => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(_b[o..]) : BinaryPrimitives.ReadSingleLittleEndian(_b[o..]);

        public double F64(int o) => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(_b[o..]) : BinaryPrimitives.ReadDoubleLittleEndian(_b[o..]);
    }
}
