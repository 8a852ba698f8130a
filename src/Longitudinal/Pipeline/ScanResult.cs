using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>One loaded time point of a subject with the mask of the study's region on its own grid.</summary>
/// <remarks><c>MaskSource</c>: "given" or "propagated".</remarks>
internal sealed record ScanResult(Study.TimePoint TimePoint, Image<float> Image, LabelMap Mask, string MaskSource);
