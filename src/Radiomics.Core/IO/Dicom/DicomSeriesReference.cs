using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>
/// What a derived object (SEG, RTSTRUCT) needs to refer to its source series, without the pixels: the grid, the UIDs
/// and the first slice's header. <see cref="DicomSeries.ReadReference"/> reads it from the headers alone, so writing a
/// SEG beside a study's map does not decode the series again.
/// </summary>
/// <param name="Geometry">The series' grid (LPS), as <see cref="DicomSeries.ReadVolume"/> would give it.</param>
/// <param name="SeriesInstanceUid">The series.</param>
/// <param name="FrameOfReferenceUid">Its frame of reference (null when the files have none).</param>
/// <param name="Modality">CT, MR, PT, …</param>
/// <param name="Instances">For each slice along z: the SOP class and instance UIDs of the image it came from.</param>
/// <param name="Header">The first slice's data set (patient, study and equipment modules).</param>
public sealed record DicomSeriesReference(
    ImageGeometry Geometry,
    string SeriesInstanceUid,
    string? FrameOfReferenceUid,
    string Modality,
    IReadOnlyList<(string SopClassUid, string SopInstanceUid)> Instances,
    DicomDataset Header);
