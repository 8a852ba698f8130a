namespace Radiomics.TestSupport;

/// <summary>A fact that needs PyRadiomics' baseline CSVs and the shared images; skipped with a message when either is absent.</summary>
public sealed class PyRadiomicsBaselineFactAttribute : FactAttribute
{
    public PyRadiomicsBaselineFactAttribute()
    {
        Skip = PyRadiomicsReference.BaselineDir is null ? PyRadiomicsReference.BaselineSkipReason
            : SharedData.IsAvailable ? null : SharedData.SkipReason;
    }
}

/// <summary>A theory that needs PyRadiomics' baseline CSVs and the shared images; skipped with a message when either is absent.</summary>
public sealed class PyRadiomicsBaselineTheoryAttribute : TheoryAttribute
{
    public PyRadiomicsBaselineTheoryAttribute()
    {
        Skip = PyRadiomicsReference.BaselineDir is null ? PyRadiomicsReference.BaselineSkipReason
            : SharedData.IsAvailable ? null : SharedData.SkipReason;
    }
}

/// <summary>A theory that needs PyRadiomics' example params files and the shared images; skipped with a message when either is absent.</summary>
public sealed class PyRadiomicsExamplesTheoryAttribute : TheoryAttribute
{
    public PyRadiomicsExamplesTheoryAttribute()
    {
        Skip = PyRadiomicsReference.ExamplesDir is null ? PyRadiomicsReference.ExamplesSkipReason
            : SharedData.IsAvailable ? null : SharedData.SkipReason;
    }
}
