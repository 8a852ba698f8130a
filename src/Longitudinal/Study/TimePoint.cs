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

    private static readonly IReadOnlyDictionary<string, string> NoMaskChannels = new Dictionary<string, string>();

    /// <summary>
    /// The channels of a multi-parametric visit in manifest order (empty for a single-channel visit). The reference
    /// channel's image is <see cref="ImagePath"/>; the others are registered to it and resampled onto its grid.
    /// </summary>
    public IReadOnlyList<ChannelImage> Channels { get; init; } = [];

    /// <summary>The reference channel's ID of a multi-parametric visit (null for a single-channel visit).</summary>
    public string? ReferenceChannel { get; init; }

    /// <summary>For masks drawn on another channel than the reference: the channel whose grid each region's mask lies on.</summary>
    public IReadOnlyDictionary<string, string> MaskChannels { get; init; } = NoMaskChannels;

    /// <summary>True when the visit has several channels.</summary>
    public bool IsMultiChannel => Channels.Count > 0;

    /// <summary>The channel whose grid a region's mask lies on (the reference's, or null for a single-channel visit).</summary>
    public string? MaskChannel(string region) => MaskChannels.TryGetValue(region, out var c) ? c : ReferenceChannel;

    public bool HasMask(string region) => Masks.ContainsKey(region);
}
