using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Stability;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>The cohort tables a study (or a merge of study folders) writes, as typed results.</summary>
/// <param name="Features">Every subject's features (<c>features.csv</c>).</param>
/// <param name="Deltas">Their changes (<c>deltas.csv</c>).</param>
/// <param name="Registrations">One row per registered follow-up (<c>registration.csv</c>).</param>
/// <param name="Transitions">Habitat transitions as rows (<c>habitat_transitions.csv</c>); <see cref="TransitionMatrix.From"/> rebuilds the matrices.</param>
public sealed record CohortTables(
    FeatureTable Features, DeltaTable Deltas, IReadOnlyList<RegistrationRecord> Registrations, IReadOnlyList<TransitionRecord> Transitions)
{
    /// <summary>Empty tables (no subject finished).</summary>
    public static CohortTables Empty { get; } = new(FeatureTable.Empty, new DeltaTable([]), [], []);

    /// <summary>The summary of every follow-up's delta voxel maps, per channel and baseline habitat (<c>delta_voxels.csv</c>; empty when they are off).</summary>
    public IReadOnlyList<DeltaMaps.DeltaVoxelRecord> DeltaVoxels { get; init; } = [];

    /// <summary>The features of every baseline under every mask perturbation (empty without <c>--stability</c>).</summary>
    public FeatureTable StabilityRepeats { get; init; } = FeatureTable.Empty;

    /// <summary>Each feature's ICC over the perturbations (<c>stability.csv</c>); null without stability repeats of at least two subjects.</summary>
    public StabilityTable? Stability { get; init; }

    /// <summary>Every subject's per-habitat IBSI features (<c>habitat_features.csv</c>, read when its rows are first used; empty when they are off).</summary>
    public Habitats.Model.HabitatFeatureTable HabitatFeatures { get; init; } = Habitats.Model.HabitatFeatureTable.Empty;

    /// <summary>The habitats (or families of them) the per-habitat features left out, and why (<c>habitat_features_skipped.csv</c>, read when first used).</summary>
    public IReadOnlyList<Habitats.Model.HabitatFeatureSkip> HabitatFeatureSkips { get; init; } = [];

    /// <summary>Habitat-wise delta-radiomics: the changes of the per-habitat features (<c>habitat_deltas.csv</c>, read when its rows are first used).</summary>
    public HabitatDeltaTable HabitatDeltas { get; init; } = HabitatDeltaTable.Empty;

}
