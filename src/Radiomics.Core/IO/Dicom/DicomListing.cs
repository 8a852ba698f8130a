using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>
/// One series found under a folder: what it is and where its files are. <c>Size</c> is columns × rows × slices (frames)
/// for images, null for RTSTRUCT and SEG; <c>Spacing</c> the pixel spacing and the distance between the first two slice
/// positions; <c>Regions</c> the RTSTRUCT ROI names or SEG segment labels, each with its number.
/// </summary>
public sealed record DicomSeriesEntry(
    string PatientId, string PatientName, string StudyInstanceUid, string StudyDate, string StudyDescription,
    string SeriesInstanceUid, string Modality, string SeriesDescription, int Files, Size3? Size, Vec3? Spacing,
    IReadOnlyList<(int Number, string Name)> Regions, string Folder)
{
    /// <summary>True for an image series (pixel data, not a SEG, RTSTRUCT or other derived object).</summary>
    public bool IsImage { get; init; }

    /// <summary>The series' files (full paths, in name order).</summary>
    public IReadOnlyList<string> FilePaths { get; init; } = [];

    /// <summary>For an RTSTRUCT or SEG: the image series it was drawn on, when it names one.</summary>
    public string? ReferencedSeriesInstanceUid { get; init; }

    /// <summary>
    /// An image series' FrameOfReferenceUID; for an SEG its own (that of its segments); for an RTSTRUCT the frame of
    /// reference its contours lie in (ReferencedFrameOfReferenceSequence, else the ROIs' ReferencedFrameOfReferenceUID).
    /// Null when the file does not say.
    /// </summary>
    public string? FrameOfReferenceUid { get; init; }
}

/// <summary>What a folder tree holds: patients, studies and series, read from headers only.</summary>
public sealed record DicomListing(IReadOnlyList<DicomSeriesEntry> Series, IReadOnlyList<ImageFileException> Unreadable)
{
    public static DicomListing Scan(string root, int parallelism = 0)
    {
        if (!Directory.Exists(root))
        {
            throw new ImageFileException(root, ImageFileProblem.NotFound, "no such folder.");
        }

        var (files, unreadable) = DicomFolder.ScanHeaders(root, recursive: true, parallelism);
        var entries = new List<DicomSeriesEntry>();
        foreach (var g in files.GroupBy(f => f.Dataset.GetString(DicomTags.SeriesInstanceUid) ?? ""))
        {
            var first = g.First();
            var ds = first.Dataset;
            string modality = ds.GetString(DicomTags.Modality) ?? "";
            var regions = new List<(int, string)>();
            Size3? size = null;
            Vec3? spacing = null;
            string? referenced = null;
            string? frame = ds.GetString(DicomTags.FrameOfReferenceUid);
            bool image = false;
            if (RtStruct.IsRtStruct(ds))
            {
                referenced = RtStruct.ReferencedSeriesOf(ds);
                frame = RtStruct.FrameOfReferenceOf(ds);
                foreach (var item in ds.GetSequence(DicomTags.StructureSetRoiSequence))
                {
                    regions.Add((item.GetInt(DicomTags.RoiNumber, first.Path) ?? 0, item.GetString(DicomTags.RoiName) ?? ""));
                }
            }
            else if (DicomSegmentation.IsSegmentation(ds))
            {
                regions.AddRange(DicomSegmentation.SegmentsOf(ds, first.Path).Select(s => (s.Number, s.Label)));
                referenced = DicomSegmentation.ReferencedSeriesOf(ds);
            }
            else if (g.Any(DicomSeries.IsImage))
            {
                image = true;
                try
                {
                    var slices = g.Where(DicomSeries.IsImage).SelectMany(DicomSlice.FromFile).ToList();
                    var s0 = slices[0];
                    var z = slices.Select(s => s.Position.Dot(s0.Normal)).Distinct().Order().ToArray();
                    size = new Size3(s0.Format.Columns, s0.Format.Rows, slices.Count);
                    spacing = new Vec3(s0.SpacingX, s0.SpacingY, z.Length > 1 ? z[1] - z[0] : s0.SpacingBetweenSlices ?? s0.SliceThickness ?? 0);
                }
                catch (ImageFileException)
                {
                    // Listed without geometry; reading the series reports the problem.
                }
            }

            entries.Add(new DicomSeriesEntry(
                ds.GetString(DicomTags.PatientId) ?? "", ds.GetString(DicomTags.PatientName) ?? "",
                ds.GetString(DicomTags.StudyInstanceUid) ?? "", ds.GetString(DicomTags.StudyDate) ?? "", ds.GetString(DicomTags.StudyDescription) ?? "",
                g.Key, modality, ds.GetString(DicomTags.SeriesDescription) ?? "", g.Count(), size, spacing, regions,
                Path.GetRelativePath(root, Path.GetDirectoryName(first.Path) ?? root))
            {
                IsImage = image,
                FilePaths = g.Select(f => f.Path).ToArray(),
                ReferencedSeriesInstanceUid = referenced,
                FrameOfReferenceUid = string.IsNullOrWhiteSpace(frame) ? null : frame.Trim(),
            });
        }

        var ordered = entries.OrderBy(e => e.PatientId, StringComparer.Ordinal).ThenBy(e => e.StudyDate, StringComparer.Ordinal)
            .ThenBy(e => e.StudyInstanceUid, StringComparer.Ordinal).ThenBy(e => e.Modality, StringComparer.Ordinal).ThenBy(e => e.SeriesInstanceUid, StringComparer.Ordinal).ToArray();
        return new DicomListing(ordered, unreadable);
    }
}
