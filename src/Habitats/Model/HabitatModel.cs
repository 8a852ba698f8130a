using System.Text.Json;
using System.Text.Json.Serialization;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.IO;

namespace Radiomics.Habitats.Model;

/// <summary>
/// A fitted habitat model: which voxel feature channels, the z-score transform and the cluster centres, ordered so
/// that habitat numbers mean the same phenotype wherever the model is applied. Fit it on one scan (per-patient
/// habitats) or on the pooled voxels of a cohort, save it as JSON, and apply it to any scan or time point whose
/// feature map has the same channels.
/// </summary>
public sealed class HabitatModel
{
    /// <summary>File format name written to and required in model JSON.</summary>
    public const string Format = "radiomics-habitat-model";

    private readonly double[] _centres;
    private readonly KMeans _nearest;

    private HabitatModel(IReadOnlyList<string> channels, StandardScaler? scaler, double[] centres, string orderBy, HabitatTraining training)
    {
        Channels = [.. channels];
        Scaler = scaler;
        _centres = centres;
        OrderBy = orderBy;
        Training = training;
        _nearest = KMeans.FromCentres(new FeatureMatrix(centres, channels.Count));
    }

    /// <summary>Number of habitats k; habitat labels are 1..k.</summary>
    public int HabitatCount => _centres.Length / Channels.Count;

    /// <summary>Feature channels the model clusters on, in column order.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>The fitted z-score transform, or null when features were clustered as they are.</summary>
    public StandardScaler? Scaler { get; }

    /// <summary>The channel whose centre value orders the habitats.</summary>
    public string OrderBy { get; }

    /// <summary>How the model was fitted.</summary>
    public HabitatTraining Training { get; }

    /// <summary>Centres in the clustering space (z-scores when standardised), row h − 1 for habitat h.</summary>
    public FeatureMatrix Centres => new((double[])_centres.Clone(), Channels.Count);

    /// <summary>Centres in the original feature units, row h − 1 for habitat h.</summary>
    public FeatureMatrix CentresInFeatureUnits => Scaler is null ? Centres : Scaler.InverseTransform(Centres);

    /// <summary>The most habitats a model may have: habitat maps store labels 1…255 in bytes.</summary>
    public const int MaxHabitats = 255;

    /// <summary>
    /// Pools the voxels of the maps (each sub-sampled to <see cref="HabitatSettings.MaxVoxelsPerScan"/>), fits the
    /// scaler and k-means, and orders the clusters by <see cref="HabitatSettings.OrderBy"/>.
    /// </summary>
    /// <param name="maps">Voxel feature maps, one per scan.</param>
    /// <param name="settings">Channels, strategy, k and fitting; defaults when null.</param>
    /// <param name="progress">Fraction done.</param>
    /// <param name="scanNames">Names of the scans in errors (two-stage: a scan with fewer supervoxels than habitats).</param>
    /// <exception cref="ClusteringException">More than <see cref="MaxHabitats"/> habitats are asked for, or (two-stage) more habitats than a scan has supervoxels.</exception>
    public static HabitatModel Fit(
        IReadOnlyList<VoxelFeatureMap> maps, HabitatSettings? settings = null, IProgress<double>? progress = null, IReadOnlyList<string>? scanNames = null)
    {
        settings ??= new HabitatSettings();
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count == 0)
        {
            throw new ArgumentException("Give at least one voxel feature map.", nameof(maps));
        }

        CheckHabitatCount(settings);
        var pooled = settings.Strategy == HabitatStrategy.TwoStage ? PooledVoxels.Supervoxels(maps, settings, scanNames) : PooledVoxels.Draw(maps, settings);
        return FitPooled(pooled, settings, progress);
    }

    /// <summary>
    /// Fits the scaler and k-means on voxels already drawn from <paramref name="scans"/> scans (rows in the channel
    /// order of <paramref name="channels"/>, e.g. concatenated <see cref="SampleVoxels"/> of each scan), and orders the
    /// clusters by <see cref="HabitatSettings.OrderBy"/>. <see cref="Fit"/> is <see cref="Pool"/> then this, so a cohort
    /// can be sampled one scan at a time without holding every feature map.
    /// </summary>
    public static HabitatModel FitPooled(FeatureMatrix pooled, int scans, IReadOnlyList<string> channels, HabitatSettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= new HabitatSettings();
        ArgumentNullException.ThrowIfNull(pooled);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0 || pooled.Columns != channels.Count)
        {
            throw new ArgumentException($"The pooled voxels have {pooled.Columns} columns for {channels.Count} channels.", nameof(pooled));
        }

        CheckHabitatCount(settings);
        if (settings.Strategy != HabitatStrategy.OneStage)
        {
            throw new ArgumentException("Two-stage habitats need each scan's feature map for its supervoxels: use Fit, or PooledVoxels.Supervoxels then FitPooled.", nameof(settings));
        }

        return FitPooled(PooledVoxels.FromMatrix(pooled, scans, channels, settings), settings, progress);
    }

    /// <summary>
    /// Fits k-means on voxels pooled and standardised once (<see cref="PooledVoxels.ClusteringSpace"/>, the rows k
    /// selection saw) and orders the clusters by <see cref="HabitatSettings.OrderBy"/>.
    /// </summary>
    /// <exception cref="ClusteringException">More than <see cref="MaxHabitats"/> habitats are asked for.</exception>
    public static HabitatModel FitPooled(PooledVoxels voxels, HabitatSettings? settings = null, IProgress<double>? progress = null)
    {
        settings ??= new HabitatSettings();
        ArgumentNullException.ThrowIfNull(voxels);
        CheckHabitatCount(settings);
        if (settings.Standardise != voxels.Scaler is not null)
        {
            throw new ArgumentException("The pooled voxels were standardised differently from what the settings ask for (Standardise).", nameof(voxels));
        }

        if (settings.Strategy != voxels.Strategy)
        {
            throw new ArgumentException($"The pooled rows are for {voxels.Strategy} habitats but the settings ask for {settings.Strategy}.", nameof(voxels));
        }

        var channels = voxels.Channels;
        string orderBy = settings.OrderBy ?? (channels.Contains("intensity") ? "intensity" : channels[0]);
        if (!channels.Contains(orderBy))
        {
            throw new ArgumentException($"OrderBy channel '{orderBy}' is not among the clustered channels ({string.Join(", ", channels)}).", nameof(settings));
        }

        progress?.Report(0.1);
        var scaler = voxels.Scaler;
        var x = voxels.ClusteringSpace;
        double[] centres;
        double inertia;
        if (settings.MiniBatch)
        {
            var k = settings.KMeans;
            var mb = new MiniBatchKMeans(new MiniBatchKMeansSettings { NClusters = k.NClusters, Seed = k.Seed, MaxDegreeOfParallelism = k.MaxDegreeOfParallelism })
                .Fit(x, progress is null ? null : new SynchronousProgress<double>(p => progress.Report(0.1 + (0.9 * p))));
            centres = mb.ClusterCentres.Values.ToArray();
            inertia = mb.Inertia;
        }
        else
        {
            int restarts = settings.KMeans.NInit;
            var km = new KMeans(settings.KMeans).Fit(x, progress is null ? null : new SynchronousProgress<int>(r => progress.Report(0.1 + (0.9 * r / restarts))));
            centres = km.ClusterCentres.Values.ToArray();
            inertia = km.Inertia;
        }

        var ordered = Order(centres, channels.Count, channels.ToList().IndexOf(orderBy), scaler);
        var training = new HabitatTraining(voxels.Scans, voxels.Voxels.Rows, inertia, settings);
        return new HabitatModel(channels, scaler, ordered, orderBy, training);
    }

    /// <summary>
    /// The region voxels of every map as rows (channels in the given order), at most <paramref name="maxVoxelsPerScan"/>
    /// per map, drawn without replacement with a generator seeded from (<paramref name="seed"/>, map index).
    /// </summary>
    public static FeatureMatrix Pool(IReadOnlyList<VoxelFeatureMap> maps, IReadOnlyList<string> channels, int? maxVoxelsPerScan, int seed)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(channels);
        if (maxVoxelsPerScan is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxVoxelsPerScan), maxVoxelsPerScan, "At least one voxel per scan is needed.");
        }

        var parts = new List<FeatureMatrix>();
        for (int m = 0; m < maps.Count; m++)
        {
            var missing = channels.Where(c => !maps[m].ChannelNames.Contains(c)).ToArray();
            if (missing.Length > 0)
            {
                throw new ArgumentException($"Feature map {m} lacks channel(s) {string.Join(", ", missing)}; every map must have the clustered channels.", nameof(maps));
            }

            parts.Add(SampleVoxels(maps[m], channels, maxVoxelsPerScan, seed, m));
        }

        return PooledVoxels.Concat(parts, channels.Count);
    }

    private static void CheckHabitatCount(HabitatSettings settings)
    {
        if (settings.KMeans.NClusters > MaxHabitats)
        {
            // Habitat maps are label maps of bytes: label 0 is background, so at most 255 habitats fit.
            throw new ClusteringException(
                ClusteringProblem.InvalidSetting,
                $"{settings.KMeans.NClusters} habitats asked for; a habitat map holds at most {MaxHabitats}. Choose fewer clusters.",
                nameof(settings));
        }
    }

    /// <summary>
    /// The region voxels of map number <paramref name="index"/> of a pool as rows (channels in the given order), at
    /// most <paramref name="maxVoxels"/> of them, drawn without replacement with a generator seeded from
    /// (<paramref name="seed"/>, <paramref name="index"/>) and kept in voxel order: the part <see cref="Pool"/> takes of that map.
    /// </summary>
    public static FeatureMatrix SampleVoxels(VoxelFeatureMap map, IReadOnlyList<string> channels, int? maxVoxels, int seed, int index)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(channels);
        if (maxVoxels is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxVoxels), maxVoxels, "At least one voxel per scan is needed.");
        }

        var voxels = map.RegionVoxels();
        if (maxVoxels is { } limit && voxels.Length > limit)
        {
            var random = new Random(KMeans.RunSeed(seed, index));
            for (int i = 0; i < limit; i++)
            {
                int j = i + random.Next(voxels.Length - i);
                (voxels[i], voxels[j]) = (voxels[j], voxels[i]);
            }

            voxels = voxels[..limit];
            Array.Sort(voxels);
        }

        return map.ToMatrix(voxels, channels);
    }

    /// <summary>The habitat of every region voxel (1..k; 0 outside the region) on the scan's grid (<see cref="VoxelFeatureMap.ScanGeometry"/>).</summary>
    public LabelMap Predict(VoxelFeatureMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var missing = Channels.Where(c => !map.ChannelNames.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"The feature map lacks channel(s) {string.Join(", ", missing)} that the habitat model uses.", nameof(map));
        }

        int[] voxels, labels;
        if (Training.Settings.Strategy == HabitatStrategy.TwoStage)
        {
            // The strategy the model was fitted with: supervoxels first, then each supervoxel's mean to its nearest
            // population centre, so a habitat is a union of supervoxels on a new scan as on the training scans.
            (voxels, var partition) = ScanSupervoxels.Compute(map, Channels, Scaler, Training.Settings);
            var supervoxelHabitats = _nearest.Predict(partition.Means);
            labels = new int[voxels.Length];
            for (int i = 0; i < voxels.Length; i++)
            {
                labels[i] = supervoxelHabitats[partition.Labels[i]];
            }
        }
        else
        {
            voxels = map.RegionVoxels();
            var x = map.ToMatrix(voxels, Channels);
            labels = _nearest.Predict(Scaler?.Transform(x) ?? x);
        }

        // On the scan's whole grid, wherever the map was cropped to.
        var output = new byte[map.ScanGeometry.VoxelCount];
        for (int i = 0; i < voxels.Length; i++)
        {
            output[map.ScanVoxel(voxels[i])] = (byte)(labels[i] + 1);
        }

        return new LabelMap(new Image<byte>(map.ScanGeometry, output));
    }

    /// <summary>Writes the model as JSON (atomically).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a model written by <see cref="Save"/>; a missing or invalid file is a <see cref="HabitatModelFileException"/>.</summary>

    public static HabitatModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new HabitatModelFileException(path, "no such file.");
        }

        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidDataException)
        {
            throw new HabitatModelFileException(path, $"not a valid habitat model: {e.Message}", e);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(
        new ModelFile(
            Format,
            1,
            typeof(HabitatModel).Assembly.GetName().Version?.ToString() ?? "",
            Channels,
            OrderBy,
            Scaler,
            Rows(_centres),
            Rows(CentresInFeatureUnits.Values.ToArray()),
            Training),
        JsonOptions);

    public static HabitatModel FromJson(string json)
    {
        var file = JsonSerializer.Deserialize<ModelFile>(json, JsonOptions) ?? throw new InvalidDataException("The model JSON is empty.");
        if (file.Format != Format)
        {
            throw new InvalidDataException($"The JSON's format is '{file.Format}', not '{Format}'.");
        }

        if (file.Channels is not { Count: > 0 } channels || file.Centres is not { Count: > 0 } rows || rows.Any(r => r.Length != channels.Count))
        {
            throw new InvalidDataException("The model needs channels and one centre row of that length per habitat.");
        }

        if (file.Scaler is { } s && s.Features != channels.Count)
        {
            throw new InvalidDataException($"The scaler has {s.Features} features for {channels.Count} channels.");
        }

        return new HabitatModel(channels, file.Scaler, rows.SelectMany(r => r).ToArray(), file.OrderBy ?? channels[0], file.Training ?? new HabitatTraining(0, 0, double.NaN, new HabitatSettings()));
    }

    /// <summary>Sorts centres by their value of channel <paramref name="column"/> in feature units (ties: next channels).</summary>
    private static double[] Order(double[] centres, int d, int column, StandardScaler? scaler)
    {
        int k = centres.Length / d;
        var original = scaler?.InverseTransform(new FeatureMatrix(centres, d)).Values.ToArray() ?? centres;
        var order = Enumerable.Range(0, k).ToArray();
        Array.Sort(order, (a, b) =>
        {
            for (int t = 0; t < d; t++)
            {
                int j = (column + t) % d;
                int c = original[(a * d) + j].CompareTo(original[(b * d) + j]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.CompareTo(b);
        });
        var result = new double[centres.Length];
        for (int h = 0; h < k; h++)
        {
            centres.AsSpan(order[h] * d, d).CopyTo(result.AsSpan(h * d, d));
        }

        return result;
    }

    private double[][] Rows(double[] values)
    {
        int d = Channels.Count;
        return Enumerable.Range(0, values.Length / d).Select(h => values.AsSpan(h * d, d).ToArray()).ToArray();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record ModelFile(
        string Format,
        int Version,
        string ToolkitVersion,
        IReadOnlyList<string> Channels,
        string? OrderBy,
        StandardScaler? Scaler,
        IReadOnlyList<double[]> Centres,
        IReadOnlyList<double[]> CentresInFeatureUnits,
        HabitatTraining? Training);
}
