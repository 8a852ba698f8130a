using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Numerics;
using Radiomics.Processing;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Habitats.Workflows;

/// <summary>Settings of <see cref="HabitatsWorkflow.Run"/>; the defaults are those of <c>radiomics habitats</c>.</summary>
public sealed record HabitatsWorkflowSettings
{
    /// <summary>Smallest number of habitats k considered (default 2). With <see cref="MaxClusters"/> equal, k is fixed.</summary>
    public int MinClusters { get; init; } = 2;

    /// <summary>Largest number of habitats k considered (default 6, at most <see cref="Model.HabitatModel.MaxHabitats"/>).</summary>
    public int MaxClusters { get; init; } = 6;

    /// <summary>How k is chosen among <see cref="MinClusters"/>…<see cref="MaxClusters"/> (default silhouette); stability and
    /// gap are computed (with their default settings) only when they are the criterion.</summary>
    public ClusterCountCriterion Criterion { get; init; } = ClusterCountCriterion.Silhouette;

    /// <summary>One-stage (k-means on the pooled voxels, the default) or two-stage (per-scan supervoxels, then k-means on their means).</summary>
    public Model.HabitatStrategy Strategy { get; init; } = Model.HabitatStrategy.OneStage;

    /// <summary>Supervoxels per scan and their compactness, for <see cref="Model.HabitatStrategy.TwoStage"/>.</summary>
    public SupervoxelSettings Supervoxels { get; init; } = new();

    /// <summary>Kernel of the local statistics (default a ball of radius 1 voxel).</summary>
    public StructuringElement Kernel { get; init; } = StructuringElement.Ball(1, RadiusUnit.Voxels);

    /// <summary>Local statistics clustered besides the intensity (default mean, standard deviation, median).</summary>
    public IReadOnlyList<LocalStatistic> Statistics { get; init; } = [LocalStatistic.Mean, LocalStatistic.StandardDeviation, LocalStatistic.Median];

    /// <summary>Voxel features replacing the intensity and <see cref="Statistics"/> (e.g. PyRadiomics' voxel-based features from a params file); null for those.</summary>
    public IVoxelFeature? Channels { get; init; }

    /// <summary>Voxels drawn per scan for k selection and fitting (default 50 000); all voxels when null.</summary>
    public int? MaxVoxelsPerScan { get; init; } = 50_000;

    /// <summary>Mask label of the tumour; every non-zero voxel when null.</summary>
    public byte? Label { get; init; }

    /// <summary>Fit with mini-batch k-means (for millions of pooled voxels).</summary>
    public bool MiniBatch { get; init; }

    /// <summary>Seed of sub-sampling and k-means.</summary>
    public int Seed { get; init; }

    /// <summary>Threads of scaling and k-means (default all cores).</summary>
    public Parallelism Parallelism { get; init; }

    /// <summary>
    /// Intensity normalisation of each scan before its voxel features (default z-score over the image foreground; null
    /// for calibrated CT or PET). A Nyúl standardisation without landmarks is fitted on the given scans. When a fitted
    /// model is applied, the model's own normalisation is used instead.
    /// </summary>
    public NormalisationSettings? Normalisation { get; init; } = NormalisationSettings.ZScore();
}
