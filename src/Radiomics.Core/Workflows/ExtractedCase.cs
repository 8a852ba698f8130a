using Radiomics.Features.PyRadiomics;
using Radiomics.Tables;

namespace Radiomics.Workflows;

/// <summary>
/// The features of one case: its inputs (Image, Mask and, in batch mode, every column of its row) and either a tidy
/// feature table (IBSI definitions, one case) or PyRadiomics' result (the PyRadiomics flavour, and every batch case).
/// </summary>
/// <param name="Row">The case's row in the batch file (1 for a single case).</param>
/// <param name="Inputs">Column name and value of the case's inputs, as PyRadiomics' batch CSV repeats them.</param>
/// <param name="Table">The tidy feature table, when the case was extracted with IBSI definitions on its own.</param>
/// <param name="PyRadiomics">PyRadiomics' result, otherwise.</param>
public sealed record ExtractedCase(int Row, IReadOnlyList<KeyValuePair<string, string>> Inputs, FeatureTable? Table, PyRadiomicsResult? PyRadiomics)
{
    /// <summary>Number of feature values.</summary>
    public int ValueCount => Table?.Count ?? PyRadiomics?.Features.Count ?? 0;
}
