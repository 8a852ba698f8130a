using System.Buffers.Binary;

namespace Radiomics.IO.Dicom;

/// <summary>
/// Parses the elements of a data set from a buffer: explicit or implicit VR, little or big endian, sequences and items of
/// defined and undefined length (nested at most <see cref="MaxDepth"/> deep) and encapsulated pixel data. Every length is
/// checked against the bytes that remain, so a lying length is an error, never a read outside the buffer.
/// </summary>
internal sealed class DicomParser
{
    /// <summary>Deepest sequence nesting accepted; real data sets nest a handful of levels.</summary>
    public const int MaxDepth = 24;

    private const uint Undefined = 0xFFFFFFFF;

    private readonly byte[] _buffer;
    private readonly string _path;
    private readonly bool _explicitVr;
    private readonly bool _bigEndian;
    private readonly bool _partial;

    /// <param name="buffer">The bytes (the whole file, or only its start when <paramref name="partial"/>).</param>
    /// <param name="path">The file, named in errors.</param>
    /// <param name="explicitVr">The transfer syntax carries the VR of each element.</param>
    /// <param name="bigEndian">Explicit VR big endian.</param>
    /// <param name="partial">The buffer holds only the start of the file: running out is <see cref="NeedMoreDataException"/>.</param>
    public DicomParser(byte[] buffer, string path, bool explicitVr, bool bigEndian, bool partial)
    {
        _buffer = buffer;
        _path = path;
        _explicitVr = explicitVr;
        _bigEndian = bigEndian;
        _partial = partial;
    }

    /// <summary>Where <see cref="ParseTopLevel"/> stopped before the pixel data element (its tag's byte), else -1.</summary>
    public int PixelDataAt { get; private set; } = -1;

    /// <summary>Thrown in partial mode when the data set continues past the bytes read so far.</summary>
    public sealed class NeedMoreDataException : Exception
    {
    }

    /// <summary>
    /// Parses top-level elements from <paramref name="start"/> to <paramref name="end"/>. With
    /// <paramref name="stopAtPixelData"/>, stops before the pixel data element (headers only) and reports whether there was one.
    /// </summary>
    public DicomDataset ParseTopLevel(int start, int end, bool stopAtPixelData, out bool hasPixelData)
    {
        var dataset = new DicomDataset(_bigEndian, null);
        int pos = start;
        hasPixelData = false;
        while (pos < end)
        {
            if (stopAtPixelData && end - pos >= 4 && PeekTag(pos).Value >= DicomTags.PixelData.Value)
            {
                hasPixelData = PeekTag(pos) == DicomTags.PixelData;
                if (hasPixelData || PeekTag(pos).Value > DicomTags.PixelData.Value)
                {
                    PixelDataAt = hasPixelData ? pos : -1;
                    break;
                }
            }

            var element = ReadElement(ref pos, end, dataset, 0, out bool delimiter);
            if (delimiter)
            {
                throw Error(ImageFileProblem.InvalidHeader, $"a delimitation item at byte {pos - 8} outside any sequence.");
            }

            if (element is not null)
            {
                dataset.Add(element);
                hasPixelData |= element.Tag == DicomTags.PixelData;
            }
        }

        return dataset;
    }

    /// <summary>Reads one element at <paramref name="pos"/>; null for a trailing padding or an item delimiter (then <paramref name="delimiter"/> is set).</summary>
    private DicomElement? ReadElement(ref int pos, int end, DicomDataset owner, int depth, out bool delimiter)
    {
        delimiter = false;
        int at = pos;
        Need(pos, 8, end, "an element header");
        var tag = PeekTag(pos);
        pos += 4;
        if (tag.Group == 0xFFFE)
        {
            uint itemLength = U32(pos);
            pos += 4;
            if (tag == DicomTags.ItemDelimitationItem || tag == DicomTags.SequenceDelimitationItem)
            {
                delimiter = true;
                return null;
            }

            throw Error(ImageFileProblem.InvalidHeader, $"an item tag {tag} at byte {at} outside a sequence (length {itemLength}).");
        }

        string vr;
        uint length;
        if (_explicitVr)
        {
            vr = System.Text.Encoding.ASCII.GetString(_buffer, pos, 2);
            pos += 2;
            if (!IsVr(vr))
            {
                throw Error(ImageFileProblem.InvalidHeader, $"element {tag} at byte {at} has no valid value representation ('{Printable(vr)}').");
            }

            if (HasLongLength(vr))
            {
                Need(pos, 6, end, $"the length of element {tag}");
                pos += 2;
                length = U32(pos);
                pos += 4;
            }
            else
            {
                length = U16(pos);
                pos += 2;
            }
        }
        else
        {
            vr = DicomDictionary.Vr(tag);
            length = U32(pos);
            pos += 4;
        }

        if (length == Undefined)
        {
            if (tag == DicomTags.PixelData)
            {
                return new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty) { Fragments = ReadFragments(ref pos, end, tag) };
            }

            if (vr is "SQ" or "UN" || !_explicitVr)
            {
                // An undefined-length UN is a sequence in implicit VR little endian (PS3.5 6.2.2).
                var items = ReadItems(ref pos, end, long.MaxValue, owner, depth + 1, tag, implicitContent: vr == "UN" && _explicitVr);
                return new DicomElement(tag, "SQ", ReadOnlyMemory<byte>.Empty) { Items = items };
            }

            throw Error(ImageFileProblem.InvalidHeader, $"element {tag} ({vr}) at byte {at} has an undefined length, which only sequences and pixel data may have.");
        }

        Need(pos, length, end, $"the value of {DicomDictionary.Name(tag)} {tag}");
        int valueStart = pos;
        pos += (int)length;
        if (vr == "SQ" || (vr == "UN" && LooksLikeSequence(valueStart, (int)length)))
        {
            var items = ReadItems(ref valueStart, valueStart + (int)length, length, owner, depth + 1, tag, implicitContent: vr == "UN" && _explicitVr);
            return new DicomElement(tag, "SQ", ReadOnlyMemory<byte>.Empty) { Items = items };
        }

        return new DicomElement(tag, vr, new ReadOnlyMemory<byte>(_buffer, valueStart, (int)length));
    }

    private List<DicomDataset> ReadItems(ref int pos, int end, long sequenceLength, DicomDataset owner, int depth, DicomTag sequence, bool implicitContent)
    {
        if (depth > MaxDepth)
        {
            throw Error(ImageFileProblem.InvalidHeader, $"sequence {DicomDictionary.Name(sequence)} {sequence} is nested more than {MaxDepth} levels deep.");
        }

        if (implicitContent)
        {
            // The content of a UN sequence is implicit VR little endian whatever the transfer syntax.
            var inner = new DicomParser(_buffer, _path, explicitVr: false, bigEndian: false, _partial);
            return inner.ReadItems(ref pos, end, sequenceLength, owner, depth, sequence, implicitContent: false);
        }

        var items = new List<DicomDataset>();
        bool undefined = sequenceLength == long.MaxValue;
        while (undefined || pos < end)
        {
            Need(pos, 8, end, $"an item of {DicomDictionary.Name(sequence)} {sequence}");
            var tag = PeekTag(pos);
            uint length = U32(pos + 4);
            pos += 8;
            if (tag == DicomTags.SequenceDelimitationItem)
            {
                if (undefined)
                {
                    return items;
                }

                throw Error(ImageFileProblem.InvalidHeader, $"a sequence delimiter inside the defined-length sequence {sequence}.");
            }

            if (tag != DicomTags.Item)
            {
                throw Error(ImageFileProblem.InvalidHeader, $"sequence {DicomDictionary.Name(sequence)} {sequence} holds {tag} where an item should start (byte {pos - 8}).");
            }

            var item = new DicomDataset(_bigEndian, owner);
            if (length == Undefined)
            {
                while (true)
                {
                    var e = ReadElement(ref pos, end, item, depth, out bool delimiter);
                    if (delimiter)
                    {
                        break;
                    }

                    item.Add(e!);
                }
            }
            else
            {
                Need(pos, length, end, $"an item of {DicomDictionary.Name(sequence)} {sequence}");
                int itemEnd = pos + (int)length;
                while (pos < itemEnd)
                {
                    var e = ReadElement(ref pos, itemEnd, item, depth, out bool delimiter);
                    if (delimiter)
                    {
                        break;
                    }

                    item.Add(e!);
                }

                pos = itemEnd;
            }

            items.Add(item);
        }

        return items;
    }

    private List<ReadOnlyMemory<byte>> ReadFragments(ref int pos, int end, DicomTag tag)
    {
        var fragments = new List<ReadOnlyMemory<byte>>();
        while (true)
        {
            Need(pos, 8, end, "a pixel data fragment");
            var itemTag = PeekTag(pos);
            uint length = U32(pos + 4);
            pos += 8;
            if (itemTag == DicomTags.SequenceDelimitationItem)
            {
                if (fragments.Count == 0)
                {
                    throw Error(ImageFileProblem.InvalidHeader, "encapsulated pixel data without a basic offset table item.");
                }

                return fragments;
            }

            if (itemTag != DicomTags.Item || length == Undefined)
            {
                throw Error(ImageFileProblem.InvalidHeader, $"encapsulated pixel data {tag} holds {itemTag} where a fragment should start (byte {pos - 8}).");
            }

            Need(pos, length, end, "a pixel data fragment");
            fragments.Add(new ReadOnlyMemory<byte>(_buffer, pos, (int)length));
            pos += (int)length;
        }
    }

    private bool LooksLikeSequence(int start, int length) =>
        length >= 8 && PeekTag(start) == DicomTags.Item;

    private void Need(int pos, long count, int end, string what)
    {
        if (pos + count <= end)
        {
            return;
        }

        if (_partial && end == _buffer.Length)
        {
            throw new NeedMoreDataException();
        }

        throw Error(ImageFileProblem.Truncated, $"{what} at byte {pos} needs {count} bytes but only {Math.Max(0, end - pos)} remain.");
    }

    /// <summary>
    /// The value of a native (defined-length) pixel data element whose header starts at <paramref name="at"/>: its byte
    /// offset in the file and declared length; null when encapsulated or when its header lies beyond the buffer.
    /// </summary>
    public (long Offset, long Length)? NativeValueAt(int at)
    {
        int header = _explicitVr ? 12 : 8;
        if (at < 0 || at + header > _buffer.Length)
        {
            return null;
        }

        uint length = _explicitVr ? U32(at + 8) : U32(at + 4);
        if (length == Undefined || (_explicitVr && !HasLongLength(System.Text.Encoding.ASCII.GetString(_buffer, at + 4, 2))))
        {
            return null;
        }

        return (at + header, length);
    }

    private DicomTag PeekTag(int pos)
    {
        // Item and delimiter tags are little endian in little-endian syntaxes and big endian in the big-endian one.
        return new DicomTag(U16(pos), U16(pos + 2));
    }

    private ushort U16(int pos) => _bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(pos, 2))
        : BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(pos, 2));

    private uint U32(int pos) => _bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(pos, 4))
        : BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(pos, 4));

    private ImageFileException Error(ImageFileProblem problem, string detail) => new(_path, problem, detail);

    private static bool HasLongLength(string vr) =>
        vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "UC" or "UN" or "UR" or "UT" or "SV" or "UV";

    private static bool IsVr(string vr) => vr is "AE" or "AS" or "AT" or "CS" or "DA" or "DS" or "DT" or "FL" or "FD" or "IS"
        or "LO" or "LT" or "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "PN" or "SH" or "SL" or "SQ" or "SS" or "ST"
        or "SV" or "TM" or "UC" or "UI" or "UL" or "UN" or "UR" or "US" or "UT" or "UV";

    private static string Printable(string s) => new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
