using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>How a label map is described in the DICOM SEG it becomes.</summary>
public sealed record DicomSegmentationWriterSettings
{
    /// <summary>Segment labels by label value; missing ones are "Segment N".</summary>
    public IReadOnlyDictionary<int, string>? SegmentLabels { get; init; }

    /// <summary>SegmentAlgorithmName (0062,0009).</summary>
    public string AlgorithmName { get; init; } = "Longitudinal Radiomics Toolkit";

    /// <summary>SeriesDescription of the new series.</summary>
    public string SeriesDescription { get; init; } = "Segmentation";

    public int SeriesNumber { get; init; } = 300;
}

/// <summary>
/// Writes a label map (a tumour mask, a habitat map) as a binary DICOM Segmentation that references its source series:
/// one segment per label with a label, a colour and the algorithm that made it; one frame per segment and slice that
/// holds it, each with its plane position and the source image it derives from. Opens in 3D Slicer and OHIF.
/// </summary>
public static class DicomSegmentationWriter
{
    // A distinct CIELab colour per segment, cycling (PS3.3 C.8.20.2: L* a* b* scaled to 0..65535).
    private static readonly int[][] Colours =
    [
        [34885, 53485, 50171], [54617, 21331, 47875], [46720, 26393, 16515], [59229, 33107, 55707],
        [41944, 47022, 15596], [30000, 40000, 20000], [60000, 30000, 40000], [45000, 45000, 55000],
    ];

    /// <summary>Writes <paramref name="labels"/> (on the series' grid) referring to the series <paramref name="source"/> was read from.</summary>
    public static void Write(LabelMap labels, DicomVolume source, string path, DicomSegmentationWriterSettings? settings = null) =>
        Write(labels, (source ?? throw new ArgumentNullException(nameof(source))).Reference, path, settings);

    /// <summary>Writes <paramref name="labels"/> (on the series' grid) referring to <paramref name="source"/>; no pixel data of the series is needed.</summary>
    public static void Write(LabelMap labels, DicomSeriesReference source, string path, DicomSegmentationWriterSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        settings ??= new DicomSegmentationWriterSettings();
        var g = labels.Geometry;
        var present = labels.Labels();
        if (present.Count == 0)
        {
            throw new Radiomics.Features.EmptyRoiException($"the label map for '{path}' is empty: a DICOM SEG needs at least one labelled voxel.");
        }

        var header = source.Header;
        string sopInstance = DicomUid.New();
        string series = DicomUid.New();
        var now = DateTime.Now;
        var size = g.Size;
        int plane = size.X * size.Y;
        var voxels = labels.Voxels;
        var row = g.Direction.Column(0);
        var column = g.Direction.Column(1);

        var frames = new List<(int Segment, int Z)>();
        foreach (var l in present)
        {
            for (int z = 0; z < size.Z; z++)
            {
                if (voxels.Slice(z * plane, plane).Contains(l))
                {
                    frames.Add((l, z));
                }
            }
        }

        long totalBits = (long)frames.Count * plane;
        var pixels = new byte[(totalBits + 7) / 8];
        long bit = 0;
        foreach (var (l, z) in frames)
        {
            var slice = voxels.Slice(z * plane, plane);
            for (int i = 0; i < plane; i++, bit++)
            {
                if (slice[i] == l)
                {
                    pixels[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                }
            }
        }

        var segments = present.Select((l, i) => new DicomWriter()
            .Numbers(DicomTags.SegmentNumber, "US", l)
            .Text(DicomTags.SegmentLabel, "LO", settings.SegmentLabels?.GetValueOrDefault(l) ?? $"Segment {l}")
            .Text(DicomTags.SegmentAlgorithmType, "CS", "AUTOMATIC")
            .Text(DicomTags.SegmentAlgorithmName, "LO", settings.AlgorithmName)
            .Numbers(DicomTags.RecommendedDisplayCieLabValue, "US", Colours[i % Colours.Length].Select(v => (double)v).ToArray())
            .Sequence(DicomTags.SegmentedPropertyCategoryCodeSequence, Code("91723000", "SCT", "Anatomical Structure"))
            .Sequence(DicomTags.SegmentedPropertyTypeCodeSequence, Code("85756007", "SCT", "Tissue"))
            .Sequence(new DicomTag(0x0066, 0x002F), Code("126840", "DCM", "Artificial Intelligence"))).ToArray();

        var perFrame = frames.Select(f =>
        {
            var position = g.IndexToPhysical(0, 0, f.Z);
            var (sopClass, instance) = f.Z < source.Instances.Count ? source.Instances[f.Z] : ("", "");
            var item = new DicomWriter()
                .Sequence(DicomTags.FrameContentSequence, new DicomWriter().Numbers(DicomTags.DimensionIndexValues, "UL", f.Segment, f.Z + 1))
                .Sequence(DicomTags.PlanePositionSequence, new DicomWriter().Numbers(DicomTags.ImagePositionPatient, "DS", position.X, position.Y, position.Z))
                .Sequence(DicomTags.SegmentIdentificationSequence, new DicomWriter().Numbers(DicomTags.ReferencedSegmentNumber, "US", f.Segment));
            if (instance.Length > 0)
            {
                item.Sequence(DicomTags.DerivationImageSequence, new DicomWriter()
                    .Sequence(DicomTags.SourceImageSequence, new DicomWriter()
                        .Text(DicomTags.ReferencedSopClassUid, "UI", sopClass)
                        .Text(DicomTags.ReferencedSopInstanceUid, "UI", instance)
                        .Sequence(DicomTags.PurposeOfReferenceCodeSequence, Code("121322", "DCM", "Source image for image processing operation")))
                    .Sequence(DicomTags.DerivationCodeSequence, Code("113076", "DCM", "Segmentation")));
            }

            return item;
        }).ToArray();

        string dimensionOrganisation = DicomUid.New();
        var w = new DicomWriter()
            .Text(DicomTags.SpecificCharacterSet, "CS", "ISO_IR 192")
            .Text(DicomTags.ImageType, "CS", "DERIVED\\PRIMARY")
            .Text(DicomTags.SopClassUid, "UI", DicomSegmentation.SopClassUid)
            .Text(DicomTags.SopInstanceUid, "UI", sopInstance)
            .CopyPatientAndStudy(header)
            .Text(DicomTags.SeriesDate, "DA", now.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Text(DicomTags.ContentDate, "DA", now.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Text(DicomTags.SeriesTime, "TM", now.ToString("HHmmss", CultureInfo.InvariantCulture))
            .Text(DicomTags.ContentTime, "TM", now.ToString("HHmmss", CultureInfo.InvariantCulture))
            .Text(DicomTags.Modality, "CS", "SEG")
            .Text(DicomTags.Manufacturer, "LO", "Longitudinal Radiomics Toolkit")
            .Text(DicomTags.SeriesDescription, "LO", settings.SeriesDescription)
            .Text(DicomTags.ManufacturerModelName, "LO", "radiomics")
            .Sequence(DicomTags.ReferencedSeriesSequence, new DicomWriter()
                .Text(DicomTags.SeriesInstanceUid, "UI", source.SeriesInstanceUid)
                .Sequence(DicomTags.ReferencedInstanceSequence, DicomWriter.ReferencedInstances(source)))
            .Text(DicomTags.DeviceSerialNumber, "LO", "1")
            .Text(DicomTags.SoftwareVersions, "LO", typeof(DicomSegmentationWriter).Assembly.GetName().Version?.ToString() ?? "0")
            .Text(DicomTags.SeriesInstanceUid, "UI", series)
            .Numbers(DicomTags.SeriesNumber, "IS", settings.SeriesNumber)
            .Numbers(DicomTags.InstanceNumber, "IS", 1)
            .Text(DicomTags.FrameOfReferenceUid, "UI", source.FrameOfReferenceUid ?? DicomUid.New())
            .Text(DicomTags.PositionReferenceIndicator, "LO", "")
            .Sequence(DicomTags.DimensionOrganizationSequence, new DicomWriter().Text(DicomTags.DimensionOrganizationUid, "UI", dimensionOrganisation))
            .Sequence(DicomTags.DimensionIndexSequence,
                new DicomWriter().Text(DicomTags.DimensionOrganizationUid, "UI", dimensionOrganisation)
                    .Numbers(DicomTags.DimensionIndexPointer, "AT", DicomTags.ReferencedSegmentNumber.Value)
                    .Numbers(DicomTags.FunctionalGroupPointer, "AT", DicomTags.SegmentIdentificationSequence.Value),
                new DicomWriter().Text(DicomTags.DimensionOrganizationUid, "UI", dimensionOrganisation)
                    .Numbers(DicomTags.DimensionIndexPointer, "AT", DicomTags.ImagePositionPatient.Value)
                    .Numbers(DicomTags.FunctionalGroupPointer, "AT", DicomTags.PlanePositionSequence.Value))
            .Numbers(DicomTags.SamplesPerPixel, "US", 1)
            .Text(DicomTags.PhotometricInterpretation, "CS", "MONOCHROME2")
            .Numbers(DicomTags.NumberOfFrames, "IS", frames.Count)
            .Numbers(DicomTags.Rows, "US", size.Y)
            .Numbers(DicomTags.Columns, "US", size.X)
            .Numbers(DicomTags.BitsAllocated, "US", 1)
            .Numbers(DicomTags.BitsStored, "US", 1)
            .Numbers(DicomTags.HighBit, "US", 0)
            .Numbers(DicomTags.PixelRepresentation, "US", 0)
            .Text(DicomTags.LossyImageCompression, "CS", "00")
            .Text(DicomTags.SegmentationType, "CS", "BINARY")
            .Sequence(DicomTags.SegmentSequence, segments)
            .Text(DicomTags.ContentLabel, "CS", "SEGMENTATION")
            .Text(DicomTags.ContentDescription, "LO", settings.SeriesDescription)
            .Text(DicomTags.ContentCreatorName, "PN", "radiomics")
            .Sequence(DicomTags.SharedFunctionalGroupsSequence, new DicomWriter()
                .Sequence(DicomTags.PixelMeasuresSequence, new DicomWriter()
                    .Numbers(DicomTags.PixelSpacing, "DS", g.Spacing.Y, g.Spacing.X)
                    .Numbers(DicomTags.SliceThickness, "DS", g.Spacing.Z)
                    .Numbers(DicomTags.SpacingBetweenSlices, "DS", g.Spacing.Z))
                .Sequence(DicomTags.PlaneOrientationSequence, new DicomWriter()
                    .Numbers(DicomTags.ImageOrientationPatient, "DS", row.X, row.Y, row.Z, column.X, column.Y, column.Z)))
            .Sequence(DicomTags.PerFrameFunctionalGroupsSequence, perFrame)
            .Bytes(DicomTags.PixelData, "OB", pixels);
        w.Save(path, DicomSegmentation.SopClassUid, sopInstance);
    }

    private static DicomWriter Code(string value, string scheme, string meaning) => new DicomWriter()
        .Text(DicomTags.CodeValue, "SH", value)
        .Text(DicomTags.CodingSchemeDesignator, "SH", scheme)
        .Text(DicomTags.CodeMeaning, "LO", meaning);
}
