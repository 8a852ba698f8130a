using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>What one subject produced (read back from its folder when <see cref="Resumed"/>).</summary>
public sealed record SubjectOutcome(
    string Subject, bool Resumed, FeatureTable Features, IReadOnlyList<RegistrationRecord> Registrations, IReadOnlyList<TransitionRecord> Transitions, FeatureTable StabilityRepeats, SubjectDone Done)
{
    /// <summary>The summary of the subject's delta voxel maps (<c>delta_voxels.csv</c>; empty when they are off).</summary>
    public IReadOnlyList<DeltaMaps.DeltaVoxelRecord> DeltaVoxels { get; init; } = [];

    /// <summary>The subject's per-habitat IBSI features (<c>habitat_features.csv</c>; empty when they are off).</summary>
    public Habitats.Model.HabitatFeatureTable HabitatFeatures { get; init; } = Habitats.Model.HabitatFeatureTable.Empty;

    /// <summary>The habitats (or families) its per-habitat features left out, and why.</summary>
    public IReadOnlyList<Habitats.Model.HabitatFeatureSkip> HabitatFeatureSkips { get; init; } = [];
}
