using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>
/// Reads a mask from an RTSTRUCT (one ROI by name or number, rasterised) or a DICOM SEG (one segment, or all as labels)
/// onto a reference grid, or from any label image file.
/// </summary>
public static class DicomMasks
{
    /// <summary>True when the file is an RTSTRUCT or a SEG.</summary>
    public static bool IsDicomMask(string path)
    {
        if (!File.Exists(path) || !DicomFolder.IsDicomFile(path))
        {
            return false;
        }

        var ds = DicomFile.OpenHeader(path).Dataset;
        return RtStruct.IsRtStruct(ds) || DicomSegmentation.IsSegmentation(ds);
    }

    /// <summary>
    /// The mask in <paramref name="path"/> on <paramref name="reference"/>'s grid. An RTSTRUCT needs <paramref name="roi"/>
    /// and a reference grid; a SEG takes an optional <paramref name="segment"/> and its own grid when there is no reference;
    /// any other file is read as a label map (<paramref name="roi"/> and <paramref name="segment"/> must then be absent).
    /// </summary>
    public static RasterisedRoi Read(string path, ImageGeometry? reference, string? roi = null, int? segment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path) && DicomFolder.IsDicomFile(path))
        {
            var file = DicomFile.Open(path);
            if (RtStruct.IsRtStruct(file.Dataset))
            {
                if (roi is null)
                {
                    var names = RtStruct.FromFile(file).Rois.Select(r => $"'{r.Name}'");
                    throw new InvalidInputException($"'{path}' is an RTSTRUCT; choose an ROI with --roi NAME (it holds {string.Join(", ", names)}).");
                }

                if (reference is null)
                {
                    throw new InvalidInputException($"'{path}' is an RTSTRUCT: its contours need a reference image to rasterise onto (--reference).");
                }

                var rt = RtStruct.FromFile(file);
                return ContourRasteriser.Rasterise(rt.Find(roi), reference, path);
            }

            if (DicomSegmentation.IsSegmentation(file.Dataset))
            {
                return new RasterisedRoi(DicomSegmentation.FromFile(file).ToLabelMap(segment, reference), []);
            }
        }

        if (roi is not null || segment is not null)
        {
            throw new InvalidInputException($"'{path}' is neither an RTSTRUCT nor a DICOM SEG; --roi and --segment apply only to those.");
        }

        return new RasterisedRoi(ImageFile.ReadLabelMap(path), []);
    }

    /// <summary>
    /// Finds the image series an RTSTRUCT or SEG refers to under <paramref name="root"/> (the mask's own folder tree
    /// when null): the folder holding its files. Null when the file names no series or none is found.
    /// </summary>
    public static string? FindReferencedSeries(string maskPath, string? root = null)
    {
        var file = DicomFile.OpenHeader(maskPath);
        string? uid = RtStruct.IsRtStruct(file.Dataset) ? RtStruct.ReferencedSeriesOf(file.Dataset) : DicomSegmentation.ReferencedSeriesOf(file.Dataset);
        if (uid is null)
        {
            return null;
        }

        root ??= Path.GetDirectoryName(Path.GetFullPath(maskPath)) ?? ".";
        var (files, _) = DicomFolder.ScanHeaders(root, recursive: true);
        return files.FirstOrDefault(f => DicomSeries.IsImage(f) && f.Dataset.GetString(DicomTags.SeriesInstanceUid) == uid)?.Path;
    }
}
