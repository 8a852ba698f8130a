namespace Radiomics.IO.Dicom;

/// <summary>Transfer syntax UIDs and how the data set after the file meta information is encoded.</summary>
public static class TransferSyntax
{
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";
    public const string DeflatedExplicitVrLittleEndian = "1.2.840.10008.1.2.1.99";
    public const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";

    /// <summary>The native (uncompressed) syntaxes, whose pixel data this reader takes as it is.</summary>
    public static bool IsNative(string uid) =>
        uid is ImplicitVrLittleEndian or ExplicitVrLittleEndian or DeflatedExplicitVrLittleEndian or ExplicitVrBigEndian;

    /// <summary>A readable name for a transfer syntax UID (the UID itself when unknown).</summary>
    public static string Name(string uid) => uid switch
    {
        ImplicitVrLittleEndian => "Implicit VR Little Endian",
        ExplicitVrLittleEndian => "Explicit VR Little Endian",
        DeflatedExplicitVrLittleEndian => "Deflated Explicit VR Little Endian",
        ExplicitVrBigEndian => "Explicit VR Big Endian",
        "1.2.840.10008.1.2.5" => "RLE Lossless",
        "1.2.840.10008.1.2.4.50" => "JPEG Baseline (Process 1)",
        "1.2.840.10008.1.2.4.51" => "JPEG Extended (Process 2 & 4)",
        "1.2.840.10008.1.2.4.57" => "JPEG Lossless (Process 14)",
        "1.2.840.10008.1.2.4.70" => "JPEG Lossless SV1 (Process 14, selection value 1)",
        "1.2.840.10008.1.2.4.80" => "JPEG-LS Lossless",
        "1.2.840.10008.1.2.4.81" => "JPEG-LS Near-Lossless",
        "1.2.840.10008.1.2.4.90" => "JPEG 2000 Lossless",
        "1.2.840.10008.1.2.4.91" => "JPEG 2000",
        "1.2.840.10008.1.2.4.201" => "High-Throughput JPEG 2000 Lossless",
        "1.2.840.10008.1.2.4.203" => "High-Throughput JPEG 2000",
        "1.2.840.10008.1.2.4.100" or "1.2.840.10008.1.2.4.101" => "MPEG-2",
        "1.2.840.10008.1.2.4.102" or "1.2.840.10008.1.2.4.103" => "MPEG-4 AVC/H.264",
        _ => uid,
    };
}
