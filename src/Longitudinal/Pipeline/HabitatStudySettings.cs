using Radiomics.Habitats.Model;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// How a study finds tumour habitats: one habitat model (<see cref="Model"/>: voxel features, normalisation, N4, k,
/// strategy, sampling, seed) fitted once on the pooled baseline tumours of the whole cohort, so habitat 2 means the
/// same phenotype in every patient and at every time point, plus what only a cohort needs (<see cref="MaxVoxelsInFit"/>).
/// </summary>
public sealed record HabitatStudySettings
{
    /// <summary>
    /// The study's default habitat model settings: 3 habitats, intensity and local mean over a 3×3×3 box, z-score over
    /// the image foreground (MR scans of different scanners and gains then share one scale; calibrated CT keeps its
    /// contrasts up to a per-scan linear map), at most 20 000 voxels per baseline, one-stage k-means, seed 0.
    /// </summary>
    public static HabitatSettings DefaultModel { get; } = new()
    {
        VoxelFeatures = new Features.VoxelFeatureSettings(),
        Normalisation = Processing.Normalisation.NormalisationSettings.ZScore(),
        MaxVoxelsPerScan = 20_000,
    };

    /// <summary>
    /// The habitat model's settings (<see cref="HabitatSettings"/>, the same record <c>radiomics habitats</c> uses). A
    /// Nyúl <see cref="HabitatSettings.Normalisation"/> is fitted on the cohort's baselines (per channel for
    /// multi-parametric visits) and saved with the model; the thread count comes from <see cref="StudySettings.Threads"/>.
    /// </summary>
    public HabitatSettings Model { get; init; } = DefaultModel;

    /// <summary>
    /// Voxels drawn from all baselines together at most (the per-scan number is lowered to share it; no limit when
    /// null): a one-stage model is fitted from a sample whose size does not grow with the cohort.
    /// </summary>
    public int? MaxVoxelsInFit { get; init; } = 1_000_000;

    /// <summary>
    /// Choose k on the cohort's baselines within this range by its criterion (scores in <c>k_selection.csv</c>); null
    /// (the default) fits <see cref="Clusters"/> habitats.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ClusterCountRange? ClusterCount { get; init; }

    /// <summary>
    /// Per-habitat IBSI features: the study's feature settings (<see cref="StudySettings.Features"/>) run inside each
    /// habitat of every scan and channel, written to <c>habitat_features.csv</c> per subject and study, with their
    /// changes in <c>habitat_deltas.csv</c> (on by default; <c>--no-habitat-features</c>).
    /// </summary>
    public bool PerHabitatFeatures { get; init; } = true;

    /// <summary>Number of habitats k (with <see cref="ClusterCount"/>, the fitted model's k is chosen instead).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Clusters => Model.KMeans.NClusters;

    /// <summary>These settings with <paramref name="k"/> habitats.</summary>
    public HabitatStudySettings WithClusters(int k) => this with { Model = Model.WithClusters(k) };
}
