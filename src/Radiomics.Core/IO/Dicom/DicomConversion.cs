using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>What <see cref="DicomConversion.Run"/> converts and how.</summary>
public sealed record DicomConversionSettings
{
    /// <summary>A DICOM series (folder or file), an RTSTRUCT, a SEG, or any image or label file.</summary>
    public required string Input { get; init; }

    /// <summary>NIfTI, NRRD or MetaImage by extension; <c>.dcm</c> writes a DICOM SEG of a label map.</summary>
    public required string Output { get; init; }

    /// <summary>The image grid for an RTSTRUCT or SEG (and the source series of a SEG to write).</summary>
    public string? Reference { get; init; }

    /// <summary>The RTSTRUCT ROI, by name (case-insensitive) or number.</summary>
    public string? Roi { get; init; }

    /// <summary>The SEG segment number.</summary>
    public int? Segment { get; init; }

    public DicomSeriesOptions Series { get; init; } = new();

    /// <summary>With a <c>.dcm</c> output: write an RTSTRUCT (contours per slice) instead of a DICOM SEG.</summary>
    public bool RtStruct { get; init; }

    /// <summary>For SEG output: segment labels by label value (default "Segment N"); for RTSTRUCT output, ROI names.</summary>
    public IReadOnlyDictionary<int, string>? SegmentLabels { get; init; }
}

/// <summary>What was written.</summary>
public sealed record DicomConversionResult(string Output, string What, ImageGeometry Geometry, PixelType PixelType, IReadOnlyList<string> Warnings);

/// <summary>
/// The <c>convert</c> workflow: a DICOM series to an image file (with SUV when asked), an RTSTRUCT ROI or a SEG
/// segment to a label map on the reference grid, or a label map to a DICOM SEG referring to its source series.
/// </summary>
public static class DicomConversion
{
    public static DicomConversionResult Run(DicomConversionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string input = settings.Input;
        if (settings.Output.EndsWith(".dcm", StringComparison.OrdinalIgnoreCase))
        {
            return WriteSegmentation(settings);
        }

        if (settings.RtStruct)
        {
            throw new InvalidInputException($"--rtstruct writes an RTSTRUCT, so the output '{settings.Output}' must end in .dcm.");
        }

        if (File.Exists(input) && DicomMasks.IsDicomMask(input))
        {
            string? reference = settings.Reference ?? DicomMasks.FindReferencedSeries(input);
            bool isRt = RtStruct.IsRtStruct(DicomFile.OpenHeader(input).Dataset);
            if (reference is null && isRt)
            {
                throw new InvalidInputException($"'{input}' is an RTSTRUCT and its referenced series is not in its folder tree; give the image with --reference.");
            }

            ImageGeometry? grid = reference is null ? null : ImageFile.ReadHeader(reference).Geometry;
            var mask = DicomMasks.Read(input, grid, settings.Roi, settings.Segment);
            ImageFile.Write(mask.Mask, settings.Output);
            string what = isRt ? $"ROI '{settings.Roi}' of {Path.GetFileName(input)}" : $"segment{(settings.Segment is { } s ? $" {s}" : "s")} of {Path.GetFileName(input)}";
            return new DicomConversionResult(settings.Output, what, mask.Mask.Geometry, PixelType.UInt8, mask.Warnings);
        }

        if (settings.Roi is not null || settings.Segment is not null)
        {
            throw new InvalidInputException($"'{input}' is not an RTSTRUCT or SEG; --roi and --segment convert those.");
        }

        Image image;
        string description;
        if (DicomSeries.IsDicomPath(input) && !ImageFile.IsSupported(input))
        {
            var volume = DicomSeries.ReadVolume(input, settings.Series);
            image = volume.Image;
            description = $"{volume.Modality} series {volume.SeriesInstanceUid}{(settings.Series.Suv != SuvKind.None ? $" as SUV ({settings.Series.Suv})" : "")}";
        }
        else
        {
            image = ImageFile.Read(input);
            description = Path.GetFileName(input);
        }

        ImageFile.Write(image, settings.Output);
        return new DicomConversionResult(settings.Output, description, image.Geometry, image.PixelType, []);
    }

    private static DicomConversionResult WriteSegmentation(DicomConversionSettings settings)
    {
        string reference = settings.Reference ?? throw new InvalidInputException($"writing a {(settings.RtStruct ? "RTSTRUCT" : "DICOM SEG")} needs the source series with --reference.");
        var source = DicomSeries.ReadReference(reference, settings.Series with { Suv = SuvKind.None });
        var labels = ImageFile.ReadLabelMap(settings.Input);
        labels.Geometry.EnsureMatches(source.Geometry, $"the label map '{settings.Input}' vs the series '{reference}'", 1e-4);
        if (settings.RtStruct)
        {
            RtStructWriter.Write(labels, source, settings.Output, new RtStructWriterSettings { RoiNames = settings.SegmentLabels });
            return new DicomConversionResult(settings.Output, $"RTSTRUCT of {Path.GetFileName(settings.Input)} ({labels.Labels().Count} ROIs)", labels.Geometry, PixelType.UInt8, []);
        }

        DicomSegmentationWriter.Write(labels, source, settings.Output, new DicomSegmentationWriterSettings { SegmentLabels = settings.SegmentLabels });
        return new DicomConversionResult(settings.Output, $"DICOM SEG of {Path.GetFileName(settings.Input)} ({labels.Labels().Count} segments)", labels.Geometry, PixelType.UInt8, []);
    }
}
