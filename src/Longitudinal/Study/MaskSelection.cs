namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Which structure of a DICOM mask file a region is: an RTSTRUCT ROI by name (case-insensitive) or number, or a DICOM
/// SEG segment by number (manifest columns <c>roi</c> and <c>segment</c>).
/// </summary>
public sealed record MaskSelection(string? Roi = null, int? Segment = null)
{
    public override string ToString() => Roi is not null ? $"ROI '{Roi}'" : Segment is { } s ? $"segment {s}" : "all labels";
}
