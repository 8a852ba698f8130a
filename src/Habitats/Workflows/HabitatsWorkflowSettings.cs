using Radiomics.Features;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
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

    /// <summary>Largest number of habitats k considered (default 6, at most <see cref="HabitatModel.MaxHabitats"/>).</summary>
    public int MaxClusters { get; init; } = 6;

    /// <summary>How k is chosen among <see cref="MinClusters"/>…<see cref="MaxClusters"/> (default silhouette); stability and
    /// gap are computed (with their default settings) only when they are the criterion.</summary>
    public ClusterCountCriterion Criterion { get; init; } = ClusterCountCriterion.Silhouette;

    /// <summary>
    /// The defaults of <c>radiomics habitats</c>: intensity and local mean, standard deviation and median over a ball of
    /// radius 1 voxel, z-score over the image foreground, at most 50 000 voxels per scan, one-stage k-means, seed 0.
    /// </summary>
    public static HabitatSettings DefaultModel { get; } = new()
    {
        VoxelFeatures = new VoxelFeatureSettings { LocalStatistics = ["mean", "sd", "median"], Kernel = StructuringElementShape.Ball },
        MaxVoxelsPerScan = 50_000,
        Normalisation = NormalisationSettings.ZScore(),
    };

    /// <summary>
    /// The habitat model's settings (the record the study uses too): voxel features, normalisation (a Nyúl
    /// standardisation without landmarks is fitted on the given scans, per channel for multi-parametric scans), N4,
    /// strategy and supervoxels, voxels per scan, mini-batch, seed. The number of habitats comes from
    /// <see cref="MinClusters"/>…<see cref="MaxClusters"/> and the threads from <see cref="Parallelism"/>. When a
    /// fitted model is applied, the model's own features, normalisation and N4 are used.
    /// </summary>
    public HabitatSettings Model { get; init; } = DefaultModel;

    /// <summary>Voxel features replacing the model's <see cref="HabitatSettings.VoxelFeatures"/> (e.g. PyRadiomics' voxel-based features from a params file); null for those.</summary>
    public IVoxelFeature? Channels { get; init; }

    /// <summary>
    /// Brings channels of multi-parametric scans on another grid than the reference channel's onto it (registration
    /// and resampling; <c>Radiomics.Longitudinal.Pipeline.ChannelAligner</c>); null: every channel must be on the
    /// mask's grid already.
    /// </summary>
    public IChannelAligner? ChannelAligner { get; init; }

    /// <summary>
    /// Per-habitat IBSI features (<c>habitat_features.csv</c>): these feature settings (any family, filter and
    /// setting, as extraction uses them) run inside each habitat of every scan, per channel
    /// (<see cref="HabitatFeatures.Extract"/>); null skips them. Default: every IBSI family with the default settings.
    /// </summary>
    public FeatureSettings? HabitatFeatures { get; init; } = new();

    /// <summary>Mask label of the tumour; every non-zero voxel when null.</summary>
    public byte? Label { get; init; }

    /// <summary>Threads of scaling and k-means (default all cores).</summary>
    public Parallelism Parallelism { get; init; }
}
