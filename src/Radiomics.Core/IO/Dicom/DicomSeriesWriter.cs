using System.Globalization;
using System.Runtime.InteropServices;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.IO.Dicom;

/// <summary>Who and what a written series belongs to.</summary>
public sealed record DicomSeriesWriterSettings
{
    public string PatientId { get; init; } = "ANONYMOUS";

    public string PatientName { get; init; } = "Anonymous";

    /// <summary>StudyDate, YYYYMMDD.</summary>
    public string StudyDate { get; init; } = "";

    public string Modality { get; init; } = "CT";

    public string SeriesDescription { get; init; } = "";

    public string? StudyInstanceUid { get; init; }

    public string? FrameOfReferenceUid { get; init; }
}

/// <summary>
/// Writes a scalar image as a single-frame DICOM series (one explicit VR little endian file per slice, int16 samples
/// with RescaleSlope 1 and RescaleIntercept 0): for exporting results to a PACS and for benchmarks and tests. The
/// slices must be perpendicular to the third axis, as every image the toolkit reads from DICOM is.
/// </summary>
public static class DicomSeriesWriter
{
    public static void Write(Image<short> image, string folder, DicomSeriesWriterSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        settings ??= new DicomSeriesWriterSettings();
        var g = image.Geometry;
        var row = g.Direction.Column(0);
        var column = g.Direction.Column(1);
        var normal = row.Cross(column);
        if ((g.Direction.Column(2) - normal).MaxAbs > 1e-6 && (g.Direction.Column(2) + normal).MaxAbs > 1e-6)
        {
            throw new InvalidInputException($"the image's third axis {g.Direction.Column(2)} is not perpendicular to its slices; a DICOM series cannot hold it.");
        }

        Directory.CreateDirectory(folder);
        string sopClass = settings.Modality == "MR" ? "1.2.840.10008.5.1.4.1.1.4" : "1.2.840.10008.5.1.4.1.1.2";
        string study = settings.StudyInstanceUid ?? DicomUid.New();
        string series = DicomUid.New();
        string frame = settings.FrameOfReferenceUid ?? DicomUid.New();
        int plane = g.Size.X * g.Size.Y;
        var voxels = image.Voxels.ToArray();
        ParallelRows.For(0, g.Size.Z, Parallelism.AllCores, k =>
        {
            string sop = DicomUid.New();
            var p = g.IndexToPhysical(0, 0, k);
            var pixels = MemoryMarshal.AsBytes(voxels.AsSpan(k * plane, plane)).ToArray();
            new DicomWriter()
                .Text(DicomTags.SpecificCharacterSet, "CS", "ISO_IR 192")
                .Text(DicomTags.ImageType, "CS", "DERIVED\\SECONDARY\\AXIAL")
                .Text(DicomTags.SopClassUid, "UI", sopClass)
                .Text(DicomTags.SopInstanceUid, "UI", sop)
                .Text(DicomTags.StudyDate, "DA", settings.StudyDate)
                .Text(DicomTags.Modality, "CS", settings.Modality)
                .Text(DicomTags.Manufacturer, "LO", "Longitudinal Radiomics Toolkit")
                .Text(DicomTags.SeriesDescription, "LO", settings.SeriesDescription)
                .Text(DicomTags.PatientName, "PN", settings.PatientName)
                .Text(DicomTags.PatientId, "LO", settings.PatientId)
                .Numbers(DicomTags.SliceThickness, "DS", g.Spacing.Z)
                .Text(DicomTags.StudyInstanceUid, "UI", study)
                .Text(DicomTags.SeriesInstanceUid, "UI", series)
                .Numbers(DicomTags.SeriesNumber, "IS", 1)
                .Numbers(DicomTags.InstanceNumber, "IS", k + 1)
                .Numbers(DicomTags.ImagePositionPatient, "DS", p.X, p.Y, p.Z)
                .Numbers(DicomTags.ImageOrientationPatient, "DS", row.X, row.Y, row.Z, column.X, column.Y, column.Z)
                .Text(DicomTags.FrameOfReferenceUid, "UI", frame)
                .Numbers(DicomTags.SamplesPerPixel, "US", 1)
                .Text(DicomTags.PhotometricInterpretation, "CS", "MONOCHROME2")
                .Numbers(DicomTags.Rows, "US", g.Size.Y)
                .Numbers(DicomTags.Columns, "US", g.Size.X)
                .Numbers(DicomTags.PixelSpacing, "DS", g.Spacing.Y, g.Spacing.X)
                .Numbers(DicomTags.BitsAllocated, "US", 16)
                .Numbers(DicomTags.BitsStored, "US", 16)
                .Numbers(DicomTags.HighBit, "US", 15)
                .Numbers(DicomTags.PixelRepresentation, "US", 1)
                .Numbers(DicomTags.RescaleIntercept, "DS", 0)
                .Numbers(DicomTags.RescaleSlope, "DS", 1)
                .Bytes(DicomTags.PixelData, "OW", pixels)
                .Save(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"IM{k + 1:D5}.dcm")), sopClass, sop);
        });
    }
}
