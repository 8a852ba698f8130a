using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Radiomics.IO.Dicom;

/// <summary>
/// A data set under construction, written as a Part 10 file in explicit VR little endian (sequences and items of
/// undefined length). Text is encoded as UTF-8 (SpecificCharacterSet ISO_IR 192).
/// </summary>
internal sealed class DicomWriter
{
    private readonly SortedDictionary<uint, (string Vr, object Value)> _elements = [];

    public DicomWriter Text(DicomTag tag, string vr, string? value)
    {
        _elements[tag.Value] = (vr, value ?? "");
        return this;
    }

    public DicomWriter Numbers(DicomTag tag, string vr, params double[] values)
    {
        _elements[tag.Value] = (vr, values);
        return this;
    }

    public DicomWriter Bytes(DicomTag tag, string vr, byte[] value)
    {
        _elements[tag.Value] = (vr, value);
        return this;
    }

    public DicomWriter Sequence(DicomTag tag, params DicomWriter[] items)
    {
        _elements[tag.Value] = ("SQ", items);
        return this;
    }

    /// <summary>Copies an element's text from a read data set when it is there.</summary>
    public DicomWriter CopyText(DicomDataset source, DicomTag tag, string vr)
    {
        return Text(tag, vr, source.GetString(tag));
    }

    /// <summary>
    /// The patient and study of a derived object (SEG, RTSTRUCT) as its source series has them, so that viewers file it
    /// with the images: the Patient and General Study modules (PS3.3 C.7.1.1, C.7.2.1).
    /// </summary>
    public DicomWriter CopyPatientAndStudy(DicomDataset source) => this
        .CopyText(source, DicomTags.PatientName, "PN")
        .CopyText(source, DicomTags.PatientId, "LO")
        .CopyText(source, DicomTags.PatientBirthDate, "DA")
        .CopyText(source, DicomTags.PatientSex, "CS")
        .CopyText(source, DicomTags.StudyInstanceUid, "UI")
        .CopyText(source, DicomTags.StudyDate, "DA")
        .CopyText(source, DicomTags.StudyTime, "TM")
        .CopyText(source, DicomTags.StudyId, "SH")
        .CopyText(source, DicomTags.AccessionNumber, "SH")
        .CopyText(source, DicomTags.ReferringPhysicianName, "PN")
        .CopyText(source, DicomTags.StudyDescription, "LO");

    /// <summary>One (ReferencedSOPClassUID, ReferencedSOPInstanceUID) item per distinct instance of a series.</summary>
    public static DicomWriter[] ReferencedInstances(DicomSeriesReference source) =>
        [.. source.Instances.Where(i => i.SopInstanceUid.Length > 0).DistinctBy(i => i.SopInstanceUid)
            .Select(i => new DicomWriter().Text(DicomTags.ReferencedSopClassUid, "UI", i.SopClassUid).Text(DicomTags.ReferencedSopInstanceUid, "UI", i.SopInstanceUid))];

    /// <summary>Writes the file atomically: preamble, file meta information, then this data set.</summary>
    public void Save(string path, string sopClassUid, string sopInstanceUid)
    {
        ImageFile.WriteGuarded(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
            w.Write(new byte[128]);
            w.Write("DICM"u8);
            var meta = new DicomWriter()
                .Bytes(DicomTags.FileMetaInformationVersion, "OB", [0, 1])
                .Text(DicomTags.MediaStorageSopClassUid, "UI", sopClassUid)
                .Text(DicomTags.MediaStorageSopInstanceUid, "UI", sopInstanceUid)
                .Text(DicomTags.TransferSyntaxUid, "UI", TransferSyntax.ExplicitVrLittleEndian)
                .Text(DicomTags.ImplementationClassUid, "UI", DicomUid.ImplementationClassUid)
                .Text(DicomTags.ImplementationVersionName, "SH", "RADIOMICS_01");
            using var metaBytes = new MemoryStream();
            using (var mw = new BinaryWriter(metaBytes, Encoding.ASCII, leaveOpen: true))
            {
                meta.WriteElements(mw);
            }

            WriteHeader(w, DicomTags.FileMetaInformationGroupLength, "UL", 4);
            w.Write((uint)metaBytes.Length);
            w.Write(metaBytes.ToArray());
            WriteElements(w);
        });
    }

    private void WriteElements(BinaryWriter w)
    {
        foreach (var (key, (vr, value)) in _elements)
        {
            var tag = DicomTag.FromValue(key);
            switch (value)
            {
                case DicomWriter[] items:
                    WriteHeader(w, tag, "SQ", 0xFFFFFFFF);
                    foreach (var item in items)
                    {
                        w.Write((ushort)0xFFFE);
                        w.Write((ushort)0xE000);
                        w.Write(0xFFFFFFFF);
                        item.WriteElements(w);
                        w.Write((ushort)0xFFFE);
                        w.Write((ushort)0xE00D);
                        w.Write(0u);
                    }

                    w.Write((ushort)0xFFFE);
                    w.Write((ushort)0xE0DD);
                    w.Write(0u);
                    break;
                default:
                    var bytes = Encode(vr, value);
                    WriteHeader(w, tag, vr, (uint)bytes.Length);
                    w.Write(bytes);
                    break;
            }
        }
    }

    private static byte[] Encode(string vr, object value)
    {
        switch (value)
        {
            case byte[] raw:
                return raw.Length % 2 == 0 ? raw : [.. raw, 0];
            case double[] numbers:
                switch (vr)
                {
                    case "US":
                    {
                        var b = new byte[2 * numbers.Length];
                        for (int i = 0; i < numbers.Length; i++)
                        {
                            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2 * i), (ushort)numbers[i]);
                        }

                        return b;
                    }

                    case "UL":
                    {
                        var b = new byte[4 * numbers.Length];
                        for (int i = 0; i < numbers.Length; i++)
                        {
                            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4 * i), (uint)numbers[i]);
                        }

                        return b;
                    }

                    case "FD":
                    {
                        var b = new byte[8 * numbers.Length];
                        for (int i = 0; i < numbers.Length; i++)
                        {
                            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(8 * i), numbers[i]);
                        }

                        return b;
                    }

                    case "AT":
                    {
                        var b = new byte[4 * numbers.Length];
                        for (int i = 0; i < numbers.Length; i++)
                        {
                            var t = DicomTag.FromValue((uint)numbers[i]);
                            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4 * i), t.Group);
                            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4 * i + 2), t.Element);
                        }

                        return b;
                    }

                    default:
                        // DS and IS: decimal strings of at most 16 characters.
                        return Encode(vr, string.Join('\\', numbers.Select(n => vr == "IS" ? ((long)n).ToString(CultureInfo.InvariantCulture) : DecimalString(n))));
                }

            case string text:
                var bytes = vr is "UI" or "CS" or "DA" or "TM" or "DT" or "DS" or "IS" or "AE" ? Encoding.ASCII.GetBytes(text) : Encoding.UTF8.GetBytes(text);
                if (bytes.Length % 2 == 1)
                {
                    bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
                }

                return bytes;
            default:
                throw new InvalidOperationException($"Cannot encode {value.GetType()} as {vr}.");
        }
    }

    /// <summary>A DS value in at most 16 characters, as precise as fits.</summary>
    internal static string DecimalString(double v)
    {
        for (int digits = 15; digits > 1; digits--)
        {
            var s = v.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (s.Length <= 16)
            {
                return s;
            }
        }

        return v.ToString("G1", CultureInfo.InvariantCulture);
    }

    private static void WriteHeader(BinaryWriter w, DicomTag tag, string vr, uint length)
    {
        w.Write(tag.Group);
        w.Write(tag.Element);
        w.Write(Encoding.ASCII.GetBytes(vr));
        if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "UC" or "UN" or "UR" or "UT" or "SV" or "UV")
        {
            w.Write((ushort)0);
            w.Write(length);
        }
        else
        {
            w.Write((ushort)length);
        }
    }
}
