using Radiomics.Imaging;
using Radiomics.IO.Dicom;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>Writes small single-frame CT series with the toolkit's DICOM writer, for tests that bend one thing at a time.</summary>
internal static class SyntheticSeries
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>The value of voxel (x, y) of slice k: distinct everywhere, within int16.</summary>
    public static short Value(int x, int y, int k) => (short)(x + 10 * y + 100 * k - 500);

    /// <summary>
    /// Writes <paramref name="positions"/>.Length slices of <paramref name="nx"/>×<paramref name="ny"/> at the given
    /// z positions (mm), axial, 0.5×0.75 mm pixels; <paramref name="edit"/> may change each slice's writer.
    /// </summary>
    public static string Write(string folder, double[] positions, int nx = 6, int ny = 5, Action<int, DicomWriter>? edit = null, string? series = null)
    {
        Directory.CreateDirectory(folder);
        series ??= DicomUid.New();
        string frame = DicomUid.New();
        string study = DicomUid.New();
        for (int k = 0; k < positions.Length; k++)
        {
            var pixels = new byte[nx * ny * 2];
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++)
                {
                    BitConverter.TryWriteBytes(pixels.AsSpan(2 * (x + nx * y)), Value(x, y, k));
                }
            }

            string sop = DicomUid.New();
            var w = new DicomWriter()
                .Text(DicomTags.SopClassUid, "UI", CtImageStorage)
                .Text(DicomTags.SopInstanceUid, "UI", sop)
                .Text(DicomTags.Modality, "CS", "CT")
                .Text(DicomTags.PatientName, "PN", "Test^Patient")
                .Text(DicomTags.PatientId, "LO", "P01")
                .Text(DicomTags.StudyDate, "DA", "20240108")
                .Text(DicomTags.StudyInstanceUid, "UI", study)
                .Text(DicomTags.SeriesInstanceUid, "UI", series)
                .Text(DicomTags.FrameOfReferenceUid, "UI", frame)
                .Numbers(DicomTags.InstanceNumber, "IS", k + 1)
                .Numbers(DicomTags.ImagePositionPatient, "DS", -10, -20, positions[k])
                .Numbers(DicomTags.ImageOrientationPatient, "DS", 1, 0, 0, 0, 1, 0)
                .Numbers(DicomTags.PixelSpacing, "DS", 0.75, 0.5)
                .Numbers(DicomTags.SamplesPerPixel, "US", 1)
                .Text(DicomTags.PhotometricInterpretation, "CS", "MONOCHROME2")
                .Numbers(DicomTags.Rows, "US", ny)
                .Numbers(DicomTags.Columns, "US", nx)
                .Numbers(DicomTags.BitsAllocated, "US", 16)
                .Numbers(DicomTags.BitsStored, "US", 16)
                .Numbers(DicomTags.HighBit, "US", 15)
                .Numbers(DicomTags.PixelRepresentation, "US", 1)
                .Numbers(DicomTags.RescaleSlope, "DS", 1)
                .Numbers(DicomTags.RescaleIntercept, "DS", 0)
                .Bytes(DicomTags.PixelData, "OW", pixels);
            edit?.Invoke(k, w);
            w.Save(Path.Combine(folder, $"slice{k:D3}.dcm"), CtImageStorage, sop);
        }

        return folder;
    }

    public static double[] Regular(int n, double spacing = 2.5, double start = 30) =>
        Enumerable.Range(0, n).Select(k => start + k * spacing).ToArray();
}
