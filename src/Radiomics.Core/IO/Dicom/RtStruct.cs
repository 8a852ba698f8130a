using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>One closed planar contour of an RTSTRUCT ROI: its points in LPS millimetres.</summary>
public sealed record RtContour(string GeometricType, IReadOnlyList<Vec3> Points);

/// <summary>One ROI of a structure set: number, name, display colour and contours.</summary>
public sealed record RtStructRoi(int Number, string Name, string? FrameOfReferenceUid, IReadOnlyList<int>? Colour, IReadOnlyList<RtContour> Contours);

/// <summary>
/// An RT Structure Set (RTSTRUCT): its ROIs with their contours and the series they were drawn on. Rasterise an ROI
/// onto an image grid with <see cref="ContourRasteriser"/>.
/// </summary>
public sealed class RtStruct
{
    private RtStruct(string path, string? referencedSeriesUid, string? frameOfReferenceUid, IReadOnlyList<RtStructRoi> rois)
    {
        Path = path;
        ReferencedSeriesInstanceUid = referencedSeriesUid;
        FrameOfReferenceUid = frameOfReferenceUid;
        Rois = rois;
    }

    public string Path { get; }

    /// <summary>The image series the contours were drawn on (RTReferencedSeriesSequence), when the file says.</summary>
    public string? ReferencedSeriesInstanceUid { get; }

    public string? FrameOfReferenceUid { get; }

    public IReadOnlyList<RtStructRoi> Rois { get; }

    /// <summary>True for a data set whose modality is RTSTRUCT or that has a StructureSetROISequence.</summary>
    public static bool IsRtStruct(DicomDataset ds) =>
        ds.GetString(DicomTags.Modality) == "RTSTRUCT" || ds.Contains(DicomTags.StructureSetRoiSequence);

    public static RtStruct Read(string path) => FromFile(DicomFile.Open(path));

    /// <summary>The referenced image series of a structure set's header (first frame of reference, study and series).</summary>
    public static string? ReferencedSeriesOf(DicomDataset ds) =>
        ds.GetItem(DicomTags.ReferencedFrameOfReferenceSequence)?.GetItem(DicomTags.RtReferencedStudySequence)
            ?.GetItem(DicomTags.RtReferencedSeriesSequence)?.GetString(DicomTags.SeriesInstanceUid);

    /// <summary>
    /// The frame of reference a structure set's contours lie in: that of its first ReferencedFrameOfReferenceSequence
    /// item, else the first ROI's ReferencedFrameOfReferenceUID; null when neither is given.
    /// </summary>
    public static string? FrameOfReferenceOf(DicomDataset ds) =>
        ds.GetItem(DicomTags.ReferencedFrameOfReferenceSequence)?.GetString(DicomTags.FrameOfReferenceUid)
            ?? ds.GetSequence(DicomTags.StructureSetRoiSequence).Select(r => r.GetString(DicomTags.ReferencedFrameOfReferenceUid)).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f));

    public static RtStruct FromFile(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        string path = file.Path;
        if (!IsRtStruct(ds))
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"not an RT structure set (Modality is '{ds.GetString(DicomTags.Modality)}').");
        }

        var frame = ds.GetItem(DicomTags.ReferencedFrameOfReferenceSequence);
        string? referencedSeries = ReferencedSeriesOf(ds);
        var contoursByRoi = new Dictionary<int, (IReadOnlyList<int>? Colour, List<RtContour> Contours)>();
        foreach (var item in ds.GetSequence(DicomTags.RoiContourSequence))
        {
            int number = item.GetInt(DicomTags.ReferencedRoiNumber, path) ?? throw new ImageFileException(path, ImageFileProblem.InvalidHeader, "an ROIContourSequence item without ReferencedROINumber (3006,0084).");
            var colour = item.GetNumbers(DicomTags.RoiDisplayColor, path)?.Select(v => (int)v).ToArray();
            var contours = new List<RtContour>();
            foreach (var c in item.GetSequence(DicomTags.ContourSequence))
            {
                var data = c.GetNumbers(DicomTags.ContourData, path) ?? [];
                if (data.Length % 3 != 0)
                {
                    throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"ContourData of ROI {number} has {data.Length} values, not a multiple of 3.");
                }

                var points = new Vec3[data.Length / 3];
                for (int i = 0; i < points.Length; i++)
                {
                    points[i] = new Vec3(data[3 * i], data[3 * i + 1], data[3 * i + 2]);
                }

                contours.Add(new RtContour(c.GetString(DicomTags.ContourGeometricType)?.Trim() ?? "CLOSED_PLANAR", points));
            }

            contoursByRoi[number] = (colour, contours);
        }

        var rois = new List<RtStructRoi>();
        foreach (var item in ds.GetSequence(DicomTags.StructureSetRoiSequence))
        {
            int number = item.GetInt(DicomTags.RoiNumber, path) ?? throw new ImageFileException(path, ImageFileProblem.InvalidHeader, "a StructureSetROISequence item without ROINumber (3006,0022).");
            var found = contoursByRoi.GetValueOrDefault(number);
            rois.Add(new RtStructRoi(number, item.GetString(DicomTags.RoiName)?.Trim() ?? $"ROI {number}", item.GetString(DicomTags.ReferencedFrameOfReferenceUid), found.Colour, found.Contours ?? []));
        }

        return new RtStruct(path, referencedSeries, frame?.GetString(DicomTags.FrameOfReferenceUid), rois);
    }

    /// <summary>The ROI with this name (case-insensitive, surrounding spaces ignored) or number.</summary>
    public RtStructRoi Find(string nameOrNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrNumber);
        string want = nameOrNumber.Trim();
        var byName = Rois.Where(r => string.Equals(r.Name.Trim(), want, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count == 1)
        {
            return byName[0];
        }

        if (byName.Count > 1)
        {
            throw new InvalidInputException($"'{Path}' has {byName.Count} ROIs named '{want}' (numbers {string.Join(", ", byName.Select(r => r.Number))}); give the ROI number instead.");
        }

        if (int.TryParse(want, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && Rois.FirstOrDefault(r => r.Number == n) is { } byNumber)
        {
            return byNumber;
        }

        throw new InvalidInputException($"'{Path}' has no ROI named '{want}'; it holds {string.Join(", ", Rois.Select(r => $"'{r.Name}'"))}.");
    }
}
