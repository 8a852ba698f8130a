using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>How an RTSTRUCT is written: ROI names, labels and series.</summary>
public sealed record RtStructWriterSettings
{
    /// <summary>ROI names by label value (default "ROI N").</summary>
    public IReadOnlyDictionary<int, string>? RoiNames { get; init; }

    public string StructureSetLabel { get; init; } = "radiomics";

    public string SeriesDescription { get; init; } = "Structure set";

    public int SeriesNumber { get; init; } = 301;
}

/// <summary>
/// Writes a label map as an RT Structure Set (PS3.3 A.19) on the series it was drawn on: one ROI per label, each slice's
/// voxel-edge contours (<see cref="ContourTracer"/>) as CLOSED_PLANAR contours referencing their image, so that
/// rasterising with voxel centres inside and even-odd holes gives back the label map.
/// </summary>
public static class RtStructWriter
{
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.481.3";

    // ContourData is DS, whose explicit-VR length field holds at most 65,534 bytes.
    private const int MaxContourDataBytes = 65_534;

    private static readonly int[][] Colours = [[255, 0, 0], [0, 200, 0], [0, 0, 255], [255, 200, 0], [200, 0, 200], [0, 200, 200]];

    /// <summary>Writes <paramref name="labels"/> (on the series' grid) referring to the series <paramref name="source"/> was read from.</summary>
    public static void Write(LabelMap labels, DicomVolume source, string path, RtStructWriterSettings? settings = null) =>
        Write(labels, (source ?? throw new ArgumentNullException(nameof(source))).Reference, path, settings);

    /// <summary>Writes <paramref name="labels"/> (on the series' grid) referring to <paramref name="source"/>; no pixel data of the series is needed.</summary>
    public static void Write(LabelMap labels, DicomSeriesReference source, string path, RtStructWriterSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        settings ??= new RtStructWriterSettings();
        var g = labels.Geometry;
        labels.Geometry.EnsureMatches(source.Geometry, $"the label map for '{path}' vs the series {source.SeriesInstanceUid}", 1e-4);
        var present = labels.Labels();
        if (present.Count == 0)
        {
            throw new Radiomics.Features.EmptyRoiException($"the label map for '{path}' is empty: an RTSTRUCT needs at least one labelled voxel.");
        }

        var header = source.Header;
        string frame = source.FrameOfReferenceUid ?? DicomUid.New();
        string sopInstance = DicomUid.New();
        var now = DateTime.Now;
        var size = g.Size;
        int plane = size.X * size.Y;
        var voxels = labels.Voxels;
        var roiItems = new List<DicomWriter>();
        var contourItems = new List<DicomWriter>();
        var observationItems = new List<DicomWriter>();
        for (int i = 0; i < present.Count; i++)
        {
            int label = present[i];
            string name = settings.RoiNames?.GetValueOrDefault(label) ?? $"ROI {label}";
            var contours = new List<DicomWriter>();
            for (int z = 0; z < size.Z; z++)
            {
                var slice = voxels.Slice(z * plane, plane);
                if (!slice.Contains((byte)label))
                {
                    continue;
                }

                var (sopClass, instance) = z < source.Instances.Count ? source.Instances[z] : ("", "");
                foreach (var loop in ContourTracer.Trace(slice, size.X, size.Y, (byte)label))
                {
                    var data = new string[loop.Count * 3];
                    for (int p = 0; p < loop.Count; p++)
                    {
                        var point = g.IndexToPhysical(new Vec3(loop[p].X, loop[p].Y, z));
                        data[3 * p] = Coordinate(point.X);
                        data[(3 * p) + 1] = Coordinate(point.Y);
                        data[(3 * p) + 2] = Coordinate(point.Z);
                    }

                    string text = string.Join('\\', data);
                    if (text.Length > MaxContourDataBytes)
                    {
                        throw new InvalidInputException($"'{path}': a contour of label {label} on slice {z} has {loop.Count} points, more than one RTSTRUCT ContourData element can hold; write a DICOM SEG instead.");
                    }

                    var contour = new DicomWriter();
                    if (instance.Length > 0)
                    {
                        contour.Sequence(DicomTags.ContourImageSequence, new DicomWriter()
                            .Text(DicomTags.ReferencedSopClassUid, "UI", sopClass)
                            .Text(DicomTags.ReferencedSopInstanceUid, "UI", instance));
                    }

                    contours.Add(contour
                        .Text(DicomTags.ContourGeometricType, "CS", "CLOSED_PLANAR")
                        .Numbers(DicomTags.NumberOfContourPoints, "IS", loop.Count)
                        .Text(DicomTags.ContourData, "DS", text));
                }
            }

            roiItems.Add(new DicomWriter()
                .Numbers(DicomTags.RoiNumber, "IS", label)
                .Text(DicomTags.ReferencedFrameOfReferenceUid, "UI", frame)
                .Text(DicomTags.RoiName, "LO", name)
                .Text(RoiGenerationAlgorithm, "CS", "AUTOMATIC"));
            contourItems.Add(new DicomWriter()
                .Numbers(DicomTags.RoiDisplayColor, "IS", Colours[i % Colours.Length].Select(c => (double)c).ToArray())
                .Sequence(DicomTags.ContourSequence, [.. contours])
                .Numbers(DicomTags.ReferencedRoiNumber, "IS", label));
            observationItems.Add(new DicomWriter()
                .Numbers(ObservationNumber, "IS", label)
                .Numbers(DicomTags.ReferencedRoiNumber, "IS", label)
                .Text(RtRoiInterpretedType, "CS", "")
                .Text(RoiInterpreter, "PN", ""));
        }

        string date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), time = now.ToString("HHmmss", CultureInfo.InvariantCulture);
        new DicomWriter()
            .Text(DicomTags.SpecificCharacterSet, "CS", "ISO_IR 192")
            .Text(DicomTags.SopClassUid, "UI", SopClassUid)
            .Text(DicomTags.SopInstanceUid, "UI", sopInstance)
            .CopyPatientAndStudy(header)
            .Text(DicomTags.SeriesDate, "DA", date)
            .Text(DicomTags.SeriesTime, "TM", time)
            .Text(DicomTags.Modality, "CS", "RTSTRUCT")
            .Text(DicomTags.Manufacturer, "LO", "Longitudinal Radiomics Toolkit")
            .Text(DicomTags.SeriesDescription, "LO", settings.SeriesDescription)
            .Text(DicomTags.SoftwareVersions, "LO", typeof(RtStructWriter).Assembly.GetName().Version?.ToString() ?? "0")
            .Text(DicomTags.SeriesInstanceUid, "UI", DicomUid.New())
            .Numbers(DicomTags.SeriesNumber, "IS", settings.SeriesNumber)
            .Numbers(DicomTags.InstanceNumber, "IS", 1)
            .Text(DicomTags.StructureSetLabel, "SH", settings.StructureSetLabel)
            .Text(StructureSetDate, "DA", date)
            .Text(StructureSetTime, "TM", time)
            .Sequence(DicomTags.ReferencedFrameOfReferenceSequence, new DicomWriter()
                .Text(DicomTags.FrameOfReferenceUid, "UI", frame)
                .Sequence(DicomTags.RtReferencedStudySequence, new DicomWriter()
                    .Text(DicomTags.ReferencedSopClassUid, "UI", "1.2.840.10008.3.1.2.3.1")
                    .Text(DicomTags.ReferencedSopInstanceUid, "UI", header.GetString(DicomTags.StudyInstanceUid) ?? "")
                    .Sequence(DicomTags.RtReferencedSeriesSequence, new DicomWriter()
                        .Text(DicomTags.SeriesInstanceUid, "UI", source.SeriesInstanceUid)
                        .Sequence(DicomTags.ContourImageSequence, DicomWriter.ReferencedInstances(source)))))
            .Sequence(DicomTags.StructureSetRoiSequence, [.. roiItems])
            .Sequence(DicomTags.RoiContourSequence, [.. contourItems])
            .Sequence(RtRoiObservationsSequence, [.. observationItems])
            .Save(path, SopClassUid, sopInstance);
    }

    private static readonly DicomTag StructureSetDate = new(0x3006, 0x0008);
    private static readonly DicomTag StructureSetTime = new(0x3006, 0x0009);
    private static readonly DicomTag RoiGenerationAlgorithm = new(0x3006, 0x0036);
    private static readonly DicomTag RtRoiObservationsSequence = new(0x3006, 0x0080);
    private static readonly DicomTag ObservationNumber = new(0x3006, 0x0082);
    private static readonly DicomTag RtRoiInterpretedType = new(0x3006, 0x00A4);
    private static readonly DicomTag RoiInterpreter = new(0x3006, 0x00A6);

    // Four decimals (0.1 µm) keep every value short; contour corners need no more.
    private static string Coordinate(double v) => DicomWriter.DecimalString(Math.Round(v, 4));
}
