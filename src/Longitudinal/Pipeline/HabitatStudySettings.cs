using Radiomics.Habitats.VoxelFeatures;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// How a study finds tumour habitats: voxel features (the intensity and local first-order statistics over a box
/// kernel), k-means with <see cref="Clusters"/> habitats fitted once on the pooled baseline tumours of the whole
/// cohort (so habitat 2 means the same phenotype in every patient and at every time point), ordered by mean intensity.
/// </summary>
public sealed record HabitatStudySettings
{
    /// <summary>Number of habitats.</summary>
    public int Clusters { get; init; } = 3;

    /// <summary>Half-width of the box kernel of the local statistics, in voxels.</summary>
    public int KernelRadiusVoxels { get; init; } = 1;

    /// <summary>Local statistics computed besides the intensity.</summary>
    public IReadOnlyList<LocalStatistic> Statistics { get; init; } = [LocalStatistic.Mean];

    /// <summary>Voxels drawn from each baseline tumour for fitting (all when null).</summary>
    public int? MaxVoxelsPerScan { get; init; } = 20_000;

    /// <summary>
    /// Voxels drawn from all baselines together at most (the per-scan number is lowered to share it; no limit when
    /// null): the model is fitted from a sample whose size does not grow with the cohort.
    /// </summary>
    public int? MaxVoxelsInFit { get; init; } = 1_000_000;

    /// <summary>
    /// Intensity normalisation of every scan before its voxel features. Default: z-score over the image foreground,
    /// so that MR scans of different scanners and gains share one scale (calibrated CT keeps its contrasts up to a
    /// per-scan linear map); <see cref="Radiomics.Processing.Normalisation.NormalisationMethod.Nyul"/> is fitted on
    /// the cohort's baselines and saved with the habitat model; null keeps the intensities as they are.
    /// </summary>
    public Radiomics.Processing.Normalisation.NormalisationSettings? Normalisation { get; init; } = Radiomics.Processing.Normalisation.NormalisationSettings.ZScore();

    /// <summary>Seed of sub-sampling and k-means.</summary>
    public int Seed { get; init; }
}
