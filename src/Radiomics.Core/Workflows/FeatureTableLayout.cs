namespace Radiomics.Workflows;

/// <summary>How <see cref="ExtractionResult.Write"/> lays out the feature CSV.</summary>
public enum FeatureTableLayout
{
    /// <summary>One row per feature value (<see cref="Tables.FeatureTable.Columns"/>).</summary>
    Tidy,

    /// <summary>PyRadiomics' batch CSV: one row per case, its inputs, diagnostics and one column per feature.</summary>
    PyRadiomics,
}
