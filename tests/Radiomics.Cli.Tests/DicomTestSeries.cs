using Radiomics.Imaging;
using Radiomics.IO.Dicom;

namespace Radiomics.Cli.Tests;

/// <summary>Writes an axial int16 image as a single-frame CT series through a DICOM SEG-free path: one Part 10 file per slice.</summary>
internal static class DicomTestSeries
{
    public static void Write(Image<short> image, string folder) => DicomSeriesWriter.Write(image, folder, new DicomSeriesWriterSettings { PatientId = "P01", StudyDate = "20240108" });
}
