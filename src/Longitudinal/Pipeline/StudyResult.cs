using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Study;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>The cohort tables of a study and what happened to each subject.</summary>
public sealed record StudyResult(
    StudyLayout Layout,
    FeatureTable Features,
    DeltaTable Deltas,
    IReadOnlyList<RegistrationRecord> Registrations,
    IReadOnlyList<TransitionRecord> Transitions,
    IReadOnlyList<string> Computed,
    IReadOnlyList<string> Resumed,
    IReadOnlyDictionary<string, string> Failed,
    ValidationReport Validation,
    TimeSpan Elapsed);
