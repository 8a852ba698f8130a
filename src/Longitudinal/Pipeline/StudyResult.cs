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
    TimeSpan Elapsed)
{
    /// <summary>The summary of every follow-up's delta voxel maps, per channel and baseline habitat (<c>delta_voxels.csv</c>; empty when they are off).</summary>
    public IReadOnlyList<DeltaMaps.DeltaVoxelRecord> DeltaVoxels { get; init; } = [];

    /// <summary>The features of every baseline under every mask perturbation (empty without stability settings).</summary>
    public FeatureTable StabilityRepeats { get; init; } = FeatureTable.Empty;

    /// <summary>Each feature's ICC over the perturbations (<c>stability.csv</c>); null when there was no stability analysis.</summary>
    public Stability.StabilityTable? Stability { get; init; }

    /// <summary>Every subject's per-habitat IBSI features (<c>habitat_features.csv</c>, read when its rows are first used; empty when they are off).</summary>
    public Habitats.Model.HabitatFeatureTable HabitatFeatures { get; init; } = Habitats.Model.HabitatFeatureTable.Empty;

    /// <summary>The habitats (or families of them) the per-habitat features left out, and why (<c>habitat_features_skipped.csv</c>, read when first used).</summary>
    public IReadOnlyList<Habitats.Model.HabitatFeatureSkip> HabitatFeatureSkips { get; init; } = [];

    /// <summary>Habitat-wise delta-radiomics: the changes of the per-habitat features (<c>habitat_deltas.csv</c>, read when its rows are first used).</summary>
    public HabitatDeltaTable HabitatDeltas { get; init; } = HabitatDeltaTable.Empty;


    /// <summary>The habitat transitions of every subject and follow-up as matrices with their voxel volume.</summary>
    public IReadOnlyList<TransitionMatrix> TransitionMatrices() => TransitionMatrix.From(Transitions);
}
