using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>One loaded time point of a subject with the mask of the study's region on its own grid.</summary>
/// <param name="TimePoint">The manifest's time point.</param>
/// <param name="Image">The scan as read (and normalised when the settings ask for it).</param>
/// <param name="Mask">The region's mask on the scan's grid.</param>
/// <param name="MaskSource">"given" or "propagated".</param>
internal sealed record ScanResult(Study.TimePoint TimePoint, Image<float> Image, LabelMap Mask, string MaskSource)
{
    /// <summary>The visit's channels on the reference grid (the reference first); the image alone for a single-channel visit.</summary>
    public IReadOnlyList<VisitChannel> Channels { get; init; } = [new VisitChannel("", Image, Transforms.AffineTransform.Identity)];
}
