namespace Radiomics.IO.Dicom;

/// <summary>
/// One element of a data set: its tag, value representation and value bytes as stored (in the data set's byte
/// order); a sequence holds its items instead, and encapsulated pixel data its fragments (offset table first).
/// </summary>
public sealed class DicomElement
{
    internal DicomElement(DicomTag tag, string vr, ReadOnlyMemory<byte> value)
    {
        Tag = tag;
        Vr = vr;
        Value = value;
    }

    public DicomTag Tag { get; }

    /// <summary>The two-letter value representation ("UN" when an implicit-VR file does not say and the toolkit does not know).</summary>
    public string Vr { get; }

    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The items of a sequence (SQ), else null.</summary>
    public IReadOnlyList<DicomDataset>? Items { get; internal init; }

    /// <summary>Encapsulated pixel data: the basic offset table item, then every fragment; else null.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? Fragments { get; internal init; }

    public override string ToString() => $"{Tag} {Vr} ({(Items is not null ? $"{Items.Count} items" : Fragments is not null ? $"{Fragments.Count} fragments" : $"{Value.Length} bytes")})";
}
