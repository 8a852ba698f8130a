using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Reads a time point's region mask onto its image grid, whatever the mask file is: a label image (any non-zero label
/// belongs to the region), an RTSTRUCT (the manifest's <c>roi</c>, rasterised on the image grid) or a DICOM SEG (the
/// manifest's <c>segment</c>, or every segment, placed on the image grid).
/// </summary>
public static class TimePointMasks
{
    /// <summary>The region's mask as a binary label map (0/1); null when the time point has no mask of the region.</summary>
    /// <param name="timePoint">The scan.</param>
    /// <param name="region">The region name.</param>
    /// <param name="grid">The image grid: RTSTRUCT contours are rasterised and SEG frames placed on it.</param>
    public static LabelMap? Read(TimePoint timePoint, string region, ImageGeometry grid)
    {
        ArgumentNullException.ThrowIfNull(timePoint);
        ArgumentNullException.ThrowIfNull(grid);
        if (!timePoint.Masks.TryGetValue(region, out var path))
        {
            return null;
        }

        var selection = timePoint.MaskSelections.GetValueOrDefault(region);
        var labels = selection is not null || DicomMasks.IsDicomMask(path)
            ? DicomMasks.Read(path, grid, selection?.Roi, selection?.Segment).Mask
            : ImageFile.ReadLabelMap(path);
        return LabelMap.Threshold(labels.Image, v => v != 0);
    }
}
