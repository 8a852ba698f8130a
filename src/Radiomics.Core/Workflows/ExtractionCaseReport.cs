namespace Radiomics.Workflows;

/// <summary>One batch case finished: either <paramref name="Case"/> (it worked) or <paramref name="Failure"/>.</summary>
public readonly record struct ExtractionCaseReport(ExtractedCase? Case, ExtractionFailure? Failure);
