using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>What one subject produced (read back from its folder when <see cref="Resumed"/>).</summary>
public sealed record SubjectOutcome(
    string Subject, bool Resumed, FeatureTable Features, IReadOnlyList<RegistrationRecord> Registrations, IReadOnlyList<TransitionRecord> Transitions, FeatureTable StabilityRepeats, SubjectDone Done);
