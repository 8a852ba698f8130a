namespace Radiomics.Features;

/// <summary>Progress of an extraction: the step just finished ("preprocessing", a family key) and how many of the steps are done.</summary>
public sealed record FeatureExtractionProgress(string Step, int Completed, int Total);
