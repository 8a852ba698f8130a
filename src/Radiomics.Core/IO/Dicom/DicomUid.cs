using System.Numerics;

namespace Radiomics.IO.Dicom;

/// <summary>New DICOM UIDs from random UUIDs under the 2.25 root (PS3.5 B.2), as pydicom and dcmtk do.</summary>
public static class DicomUid
{
    /// <summary>The implementation class UID of files this toolkit writes.</summary>
    public const string ImplementationClassUid = "2.25.238137206829768744328112493573462913347";

    public static string New()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
