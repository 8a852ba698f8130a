using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// A scan read from a DICOM series gets its label maps (habitats, propagated masks) back as DICOM SEG that reference
/// that series, beside the NIfTI maps, so they open over the source images in 3D Slicer, OHIF or the PACS viewer.
/// </summary>
internal static class DicomMapOutput
{
    /// <summary>True when the scan's image is a DICOM series (a folder, or one file of it) rather than an image file.</summary>
    public static bool IsDicomSeries(string imagePath) => !ImageFile.IsSupported(imagePath) && DicomSeries.IsDicomPath(imagePath);

    /// <summary>
    /// Writes <paramref name="labels"/> (on the series' grid) as a DICOM SEG of the series at <paramref name="imagePath"/>;
    /// segment <c>n</c> is called <paramref name="segmentPrefix"/> n. An empty map writes nothing (a SEG needs a segment).
    /// </summary>
    public static void Write(LabelMap labels, string imagePath, string outputPath, string segmentPrefix, string description)
    {
        if (labels.BoundingBox() is null)
        {
            return;
        }

        // The headers are enough: a SEG refers to the series' UIDs and grid, never to its pixels.
        var source = DicomSeries.ReadReference(imagePath, new DicomSeriesOptions { Suv = SuvKind.None });
        labels.Geometry.EnsureMatches(source.Geometry, $"the {description} map vs the DICOM series '{imagePath}'", 1e-4);
        var names = labels.Labels().ToDictionary(l => (int)l, l => $"{segmentPrefix} {l}");
        DicomSegmentationWriter.Write(labels, source, outputPath, new DicomSegmentationWriterSettings { SegmentLabels = names, SeriesDescription = description });
    }
}
