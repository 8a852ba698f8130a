namespace Radiomics.Longitudinal.Study;

/// <summary>One scan of a subject: when it was taken, the image, and the masks drawn on it (region name → file).</summary>
/// <param name="Id">The time point's name in the study (e.g. "baseline", "week6", "2024-03-01").</param>
/// <param name="Date">Calendar date when known.</param>
/// <param name="Day">Days since the subject's baseline (0 for the baseline); from dates, or given directly.</param>
/// <param name="ImagePath">Absolute path of the image file, or of a DICOM series folder or one file of the series.</param>
/// <param name="Masks">Masks drawn on this scan, by region name; empty when the masks are to be propagated from baseline.</param>
/// <param name="SourceLine">Line of the manifest that named this time point (0 when found by folder convention).</param>
public sealed record TimePoint(
    string Id, DateOnly? Date, double Day, string ImagePath, IReadOnlyDictionary<string, string> Masks, int SourceLine = 0)
{
    private static readonly IReadOnlyDictionary<string, MaskSelection> NoSelections = new Dictionary<string, MaskSelection>();

    /// <summary>For masks that are RTSTRUCT or SEG files: the ROI or segment of each region (by region name).</summary>
    public IReadOnlyDictionary<string, MaskSelection> MaskSelections { get; init; } = NoSelections;

    public bool HasMask(string region) => Masks.ContainsKey(region);
}
