using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>A DICOM series read into one volume, with what a derived object (SEG, RTSTRUCT) needs to refer to it.</summary>
/// <param name="Image">The voxel values after rescale (and SUV when asked), LPS geometry.</param>
/// <param name="SeriesInstanceUid">The series.</param>
/// <param name="FrameOfReferenceUid">Its frame of reference (null when the files have none).</param>
/// <param name="Modality">CT, MR, PT, …</param>
/// <param name="Instances">For each slice along z: the SOP class and instance UIDs of the image it came from.</param>
/// <param name="Header">The first slice's data set (patient, study and equipment modules; PET dose and times).</param>
public sealed record DicomVolume(
    Image Image,
    string SeriesInstanceUid,
    string? FrameOfReferenceUid,
    string Modality,
    IReadOnlyList<(string SopClassUid, string SopInstanceUid)> Instances,
    DicomDataset Header)
{
    /// <summary>The series as a derived object refers to it (grid, UIDs and header).</summary>
    public DicomSeriesReference Reference => new(Image.Geometry, SeriesInstanceUid, FrameOfReferenceUid, Modality, Instances, Header);
}
