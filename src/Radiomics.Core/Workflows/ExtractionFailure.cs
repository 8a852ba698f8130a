namespace Radiomics.Workflows;

/// <summary>A batch case that failed: its row in the batch file, its first cells and the problem.</summary>
public sealed record ExtractionFailure(int Row, string Case, string Problem);
