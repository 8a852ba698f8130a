using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Model;

/// <summary>Settings of <see cref="HabitatModel.Fit"/>.</summary>
public sealed record HabitatSettings
{
    /// <summary>k-means settings; <see cref="KMeansSettings.NClusters"/> is the number of habitats (default 3).</summary>
    public KMeansSettings KMeans { get; init; } = new() { NClusters = 3 };

    /// <summary>Use <see cref="MiniBatchKMeans"/> (with the k, seed and thread count of <see cref="KMeans"/>) for very
    /// large pooled data instead of full k-means (default false).</summary>
    public bool MiniBatch { get; init; }

    /// <summary>Channels of the voxel feature maps to cluster on, by name; all channels when null.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>Z-score every channel with a <see cref="StandardScaler"/> fitted on the pooled voxels (default true).</summary>
    public bool Standardise { get; init; } = true;

    /// <summary>
    /// Channel whose centre value orders the habitats: habitat 1 has the lowest, habitat k the highest. Default:
    /// "intensity" when clustered, otherwise the first channel. A stable order makes habitat 2 the same phenotype in
    /// every scan the model is applied to, and across refits.
    /// </summary>
    public string? OrderBy { get; init; }

    /// <summary>
    /// Intensity normalisation applied to every scan before its voxel features (recorded here so that a saved model
    /// is applied with the same normalisation, a fitted Nyúl standardisation included); null when the intensities
    /// were used as they are. The model itself does not normalise: callers apply it with
    /// <see cref="Processing.Normalisation.IntensityNormalisation.Apply"/> before computing the maps.
    /// </summary>
    public Processing.Normalisation.NormalisationSettings? Normalisation { get; init; }

    /// <summary>
    /// Per channel of multi-parametric scans (by channel name), a normalisation fitted on that channel alone (a Nyúl
    /// standardisation has one landmark set per channel); channels not listed use <see cref="Normalisation"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, Processing.Normalisation.NormalisationSettings>? ChannelNormalisations { get; init; }

    /// <summary>
    /// N4 bias-field correction of every scan (each channel) before its normalisation, for MR; null (default) skips it.
    /// Estimated on the voxels with a positive intensity.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Processing.BiasField.N4Settings? BiasFieldCorrection { get; init; }

    /// <summary>
    /// The voxel features of every scan (recorded so that a saved model is applied with the same features); null
    /// when they are not described here (older models, PyRadiomics' voxel-based features).
    /// <see cref="HabitatVoxelFeatures.Create"/> turns them into feature maps.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Features.VoxelFeatureSettings? VoxelFeatures { get; init; }

    /// <summary>The normalisation of the named channel: its own fitted one, or <see cref="Normalisation"/>.</summary>
    public Processing.Normalisation.NormalisationSettings? NormalisationFor(string channel) =>
        ChannelNormalisations is not null && ChannelNormalisations.TryGetValue(channel, out var own) ? own : Normalisation;

    /// <summary>These settings with <paramref name="k"/> habitats.</summary>
    public HabitatSettings WithClusters(int k) => this with { KMeans = KMeans with { NClusters = k } };

    /// <summary>One-stage (population k-means on voxels, the default) or two-stage (per-scan supervoxels, then
    /// population k-means on their feature means).</summary>
    public HabitatStrategy Strategy { get; init; } = HabitatStrategy.OneStage;

    /// <summary>The supervoxels of <see cref="HabitatStrategy.TwoStage"/> (seed and threads from <see cref="KMeans"/>).</summary>
    public SupervoxelSettings Supervoxels { get; init; } = new();

    /// <summary>At most this many voxels per scan enter the fit, drawn without replacement with the k-means seed, so
    /// large tumours do not dominate a cohort model; all voxels when null. With <see cref="HabitatStrategy.TwoStage"/> these
    /// voxels fit the scaler, and every region voxel enters its scan's supervoxels.</summary>
    public int? MaxVoxelsPerScan { get; init; }
}
