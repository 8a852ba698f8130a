using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Radiomics.IO.Dicom;

/// <summary>
/// A parsed DICOM data set (or sequence item): elements by tag, with typed accessors that read values in the data
/// set's byte order and text in its character set. Read-only.
/// </summary>
public sealed class DicomDataset
{
    private readonly Dictionary<uint, DicomElement> _elements = [];
    private Encoding? _encoding;

    internal DicomDataset(bool bigEndian, DicomDataset? parent)
    {
        BigEndian = bigEndian;
        Parent = parent;
    }

    /// <summary>Values are big endian (explicit VR big endian transfer syntax).</summary>
    public bool BigEndian { get; }

    internal DicomDataset? Parent { get; }

    public IEnumerable<DicomElement> Elements => _elements.Values.OrderBy(e => e.Tag.Value);

    public int Count => _elements.Count;

    /// <summary>The text encoding: this data set's SpecificCharacterSet, else its parent's, else the default repertoire.</summary>
    internal Encoding Encoding => _encoding ??= Contains(DicomTags.SpecificCharacterSet)
        ? DicomCharacterSet.FromTerms(Encoding.ASCII.GetString(_elements[DicomTags.SpecificCharacterSet.Value].Value.Span))
        : Parent?.Encoding ?? DicomCharacterSet.Default;

    internal void Add(DicomElement element) => _elements[element.Tag.Value] = element;

    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag.Value);

    public DicomElement? this[DicomTag tag] => _elements.GetValueOrDefault(tag.Value);

    /// <summary>The value as text, trailing spaces and NULs removed; null when absent or empty.</summary>
    public string? GetString(DicomTag tag)
    {
        if (this[tag] is not { } e || e.Items is not null || e.Value.IsEmpty)
        {
            return null;
        }

        var encoding = e.Vr is "PN" or "LO" or "SH" or "ST" or "LT" or "UT" or "UC" ? Encoding : DicomCharacterSet.Default;
        var text = encoding.GetString(e.Value.Span).TrimEnd(' ', '\0');
        return e.Vr is "UT" or "ST" or "LT" ? text : text.TrimStart(' ').Length == 0 ? null : text;
    }

    /// <summary>The values of a multi-valued text element (split at backslashes), each trimmed.</summary>
    public string[] GetStrings(DicomTag tag) =>
        GetString(tag) is { } s ? s.Split('\\').Select(v => v.Trim(' ', '\0')).ToArray() : [];

    /// <summary>
    /// The values as numbers, from decimal or integer strings (DS, IS) or binary numbers (FD, FL, US, SS, UL, SL,
    /// SV, UV, and OF/OD/OL/OW). Null when the element is absent; a value that is not a number is an error.
    /// </summary>
    public double[]? GetNumbers(DicomTag tag, string filePath)
    {
        if (this[tag] is not { } e || e.Items is not null)
        {
            return null;
        }

        var span = e.Value.Span;
        switch (e.Vr)
        {
            case "FD" or "OD":
                return Binary(span, 8, s => BigEndian ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s));
            case "FL" or "OF":
                return Binary(span, 4, s => BigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s));
            case "US" or "OW":
                return Binary(span, 2, s => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s));
            case "SS":
                return Binary(span, 2, s => BigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s));
            case "UL" or "OL":
                return Binary(span, 4, s => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s));
            case "SL":
                return Binary(span, 4, s => BigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s));
            case "SV":
                return Binary(span, 8, s => BigEndian ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s));
            case "UV":
                return Binary(span, 8, s => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s));
            default:
                var parts = GetStrings(tag);
                var result = new double[parts.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]) || !double.IsFinite(result[i]))
                    {
                        throw new ImageFileException(filePath, ImageFileProblem.InvalidHeader, $"{DicomDictionary.Name(tag)} {tag} holds '{parts[i]}', which is not a number.");
                    }
                }

                return result;
        }
    }

    /// <summary>The first value as a number; null when absent or empty.</summary>
    public double? GetNumber(DicomTag tag, string filePath) =>
        GetNumbers(tag, filePath) is { Length: > 0 } v ? v[0] : null;

    /// <summary>The first value as a whole number; null when absent, empty or not whole.</summary>
    public int? GetInt(DicomTag tag, string filePath) =>
        GetNumber(tag, filePath) is { } d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue ? (int)d : null;

    /// <summary>The items of a sequence; empty when absent.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) => this[tag]?.Items ?? [];

    /// <summary>The first item of a sequence, or null.</summary>
    public DicomDataset? GetItem(DicomTag tag) => GetSequence(tag) is { Count: > 0 } s ? s[0] : null;

    private static double[] Binary(ReadOnlySpan<byte> span, int size, Func<ReadOnlySpan<byte>, double> read)
    {
        var result = new double[span.Length / size];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = read(span.Slice(i * size, size));
        }

        return result;
    }
}
