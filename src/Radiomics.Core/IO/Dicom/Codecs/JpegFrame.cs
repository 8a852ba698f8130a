namespace Radiomics.IO.Dicom.Codecs;

/// <summary>One component of a JPEG frame header (SOFn): its identifier, sampling factors, table and decoded samples.</summary>
internal sealed class JpegComponent
{
    public required int Id { get; init; }

    public required int H { get; init; }

    public required int V { get; init; }

    public required int QuantTable { get; init; }

    /// <summary>Decoded samples, one plane per component, <see cref="Stride"/> per row.</summary>
    public int[] Samples { get; set; } = [];

    public int Stride { get; set; }

    public int DcTable { get; set; }

    public int AcTable { get; set; }

    public bool Decoded { get; set; }
}

/// <summary>The state of one JPEG stream while its markers are read: frame header, tables and restart interval.</summary>
internal sealed class JpegFrame
{
    public int Marker { get; init; }

    public int Precision { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public required JpegComponent[] Components { get; init; }

    public bool IsLossless => Marker == 0xC3;

    public int MaxH { get; init; }

    public int MaxV { get; init; }
}
