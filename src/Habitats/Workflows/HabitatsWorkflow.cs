using Radiomics.Features;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing.Normalisation;
using Radiomics.Workflows;

namespace Radiomics.Habitats.Workflows;

/// <summary>
/// Tumour habitats of one or more scans, as <c>radiomics habitats</c> runs them: each scan (each of its channels, when
/// it is multi-parametric) normalised and turned into a voxel feature map (intensity and local statistics), the voxels
/// pooled and standardised once (two-stage: each scan's supervoxels and their feature means pooled instead), k chosen
/// on those standardised rows by a stated criterion, one habitat model fitted on the same voxels (or a given model applied),
/// and per scan a habitat map and its measures.
/// </summary>
/// <example>
/// <code>
/// var result = HabitatsWorkflow.Run([new HabitatScan("p1.nii.gz", "p1_mask.nii.gz")], new HabitatsWorkflowSettings { MaxClusters = 4 });
/// result.Write("habitats");
/// display(result.MeasuresTable());
/// </code>
/// </example>
public static class HabitatsWorkflow
{
    /// <param name="scans">Image and mask files, one pair per scan (patient or time point).</param>
    /// <param name="settings">Features, k range and fitting; defaults when null.</param>
    /// <param name="model">A fitted habitat model to apply instead of fitting one (its channels and normalisation are used).</param>
    /// <param name="progress">Progress of each step.</param>
    /// <exception cref="InvalidInputException">No scans, a k range outside 2…255, or a model with channels the settings do not compute.</exception>
    /// <exception cref="EmptyRoiException">A mask holds no tumour voxel (the message names the mask).</exception>
    public static HabitatsWorkflowResult Run(
        IReadOnlyList<HabitatScan> scans, HabitatsWorkflowSettings? settings = null, HabitatModel? model = null, IProgress<WorkflowProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scans);
        settings ??= new HabitatsWorkflowSettings();
        Check(scans, settings);
        bool fitted = model is null;
        if (model is not null)
        {
            var features = Features(settings).SelectMany(f => f.ChannelNames).ToList();
            var computed = (scans[0].Channels.Count == 0 ? features : scans[0].Channels.SelectMany(c => features.Select(n => $"{c.Name}.{n}"))).ToHashSet(StringComparer.Ordinal);
            var missing = model.Channels.Where(c => !computed.Contains(c)).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidInputException(
                    $"The habitat model clusters channel(s) {string.Join(", ", missing)} that these settings do not compute ({string.Join(", ", computed)}); give the model's kernel and statistics.");
            }
        }

        var normalisation = model is null ? settings.Normalisation : model.Training.Settings.Normalisation;
        if (normalisation is { Method: NormalisationMethod.Nyul, StandardLandmarks: null })
        {
            const string step = "Fitting the Nyúl standardisation";
            progress?.Report(new(step, 0, 1));
            normalisation = NyulStandardisation.Fit(
                scans.Select(s => ((Image)ImageFile.Read<float>(s.Image), (LabelMap?)ImageFile.ReadLabelMap(s.Mask), (LabelMap?)null, s.Image)),
                normalisation);
            progress?.Report(new(step, 1, 1));
        }

        var maps = FeatureMaps(scans, settings, normalisation, progress);
        var names = ScanNames(scans.Select(s => s.Image).ToArray());
        ClusterCountSelection? selection = null;
        if (model is null)
        {
            (model, selection) = Fit(maps, names, settings, normalisation, progress);
        }

        var results = new HabitatScanResult[scans.Count];
        for (int s = 0; s < scans.Count; s++)
        {
            var habitats = model.Predict(maps[s]);
            results[s] = new HabitatScanResult(names[s], scans[s].Image, habitats, HabitatSummary.Compute(habitats, model.HabitatCount));
        }

        return new HabitatsWorkflowResult(model, fitted, selection, settings, results);
    }

    /// <summary>The voxel features of the workflow: the intensity and the local statistics of the settings.</summary>
    public static IReadOnlyList<IVoxelFeature> Features(HabitatsWorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Channels is { } channels ? [channels] :
        [
            new IntensityFeature(),
            new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Kernel = settings.Kernel, Statistics = [.. settings.Statistics] }),
        ];
    }

    private static VoxelFeatureMap[] FeatureMaps(
        IReadOnlyList<HabitatScan> scans, HabitatsWorkflowSettings settings, NormalisationSettings? normalisation, IProgress<WorkflowProgress>? progress)
    {
        const string step = "Voxel feature maps";
        var features = Features(settings);
        var maps = new VoxelFeatureMap[scans.Count];
        progress?.Report(new(step, 0, scans.Count));
        for (int s = 0; s < scans.Count; s++)
        {
            var maskPath = scans[s].Mask;
            var mask = ImageFile.ReadLabelMap(maskPath);
            var channels = scans[s].Channels.Count > 0 ? scans[s].Channels : [new HabitatChannel("", scans[s].Image)];
            var channelMaps = channels.Select(c => ChannelMap(c.Image, mask, maskPath, features, settings.Label, normalisation)).ToList();
            maps[s] = scans[s].Channels.Count > 0 ? ChannelStack.Stack([.. channels.Select(c => c.Name)], channelMaps) : channelMaps[0];
            progress?.Report(new(step, s + 1, scans.Count));
        }

        return maps;
    }

    /// <summary>One image's voxel feature map over the mask, after the normalisation.</summary>
    private static VoxelFeatureMap ChannelMap(
        string imagePath, LabelMap mask, string maskPath, IReadOnlyList<IVoxelFeature> features, byte? label, NormalisationSettings? normalisation)
    {
        var image = ImageFile.Read<float>(imagePath);
        image.Geometry.EnsureMatches(mask.Geometry, $"{imagePath} and its mask {maskPath}");
        try
        {
            if (normalisation is { IsNone: false } n)
            {
                image = IntensityNormalisation.Apply(image, n, mask, scan: imagePath);
            }

            return VoxelFeatureMaps.Compute(image, mask, features, label);
        }
        catch (EmptyRoiException e)
        {
            throw new EmptyRoiException($"{maskPath}: {e.Message}", e);
        }
    }

    /// <summary>Pools and standardises once; k selection and the fit share the same standardised voxels.</summary>
    private static (HabitatModel Model, ClusterCountSelection? Selection) Fit(
        VoxelFeatureMap[] maps, string[] names, HabitatsWorkflowSettings settings, NormalisationSettings? normalisation, IProgress<WorkflowProgress>? progress)
    {
        var kmeans = new KMeansSettings { Seed = settings.Seed, MaxDegreeOfParallelism = settings.Parallelism.Threads };
        var habitatSettings = new HabitatSettings
        {
            KMeans = kmeans with { NClusters = settings.MinClusters },
            MaxVoxelsPerScan = settings.MaxVoxelsPerScan,
            MiniBatch = settings.MiniBatch,
            Normalisation = normalisation,
            Strategy = settings.Strategy,
            Supervoxels = settings.Supervoxels,
        };
        // Two-stage: k selection and the fit see the supervoxel means, and every scan must have at least the largest k of them.
        var pooled = settings.Strategy == HabitatStrategy.TwoStage
            ? PooledVoxels.Supervoxels(maps, habitatSettings with { KMeans = kmeans with { NClusters = settings.MaxClusters } }, names)
            : PooledVoxels.Draw(maps, habitatSettings);
        ClusterCountSelection? selection = null;
        int k = settings.MinClusters;
        if (settings.MaxClusters > settings.MinClusters)
        {
            string choosing = $"Choosing k in {settings.MinClusters}..{settings.MaxClusters}";
            int candidates = settings.MaxClusters - settings.MinClusters + 1;
            progress?.Report(new(choosing, 0, candidates));
            selection = ClusterCountSelection.Evaluate(
                pooled.ClusteringSpace,
                new ClusterCountSelectionSettings { MinClusters = settings.MinClusters, MaxClusters = settings.MaxClusters, KMeans = kmeans }.For(settings.Criterion),
                progress is null ? null : new SynchronousProgress<int>(kk => progress.Report(new(choosing, kk - settings.MinClusters + 1, candidates))));
            k = selection.Best(settings.Criterion);
        }

        string fitting = $"Fitting {k} habitats";
        progress?.Report(new(fitting, 0, 1));
        var model = HabitatModel.FitPooled(
            pooled,
            habitatSettings with { KMeans = kmeans with { NClusters = k } },
            progress is null ? null : new SynchronousProgress<double>(p => progress.Report(new(fitting, p, 1))));
        progress?.Report(new(fitting, 1, 1));
        return (model, selection);
    }

    private static void Check(IReadOnlyList<HabitatScan> scans, HabitatsWorkflowSettings settings)
    {
        if (scans.Count == 0)
        {
            throw new InvalidInputException("Give at least one scan (an image and its mask).");
        }

        if (settings.MinClusters < 2 || settings.MaxClusters < settings.MinClusters || settings.MaxClusters > HabitatModel.MaxHabitats)
        {
            throw new InvalidInputException(
                $"k {settings.MinClusters}..{settings.MaxClusters} is not a range of habitat counts; give 2 ≤ MinClusters ≤ MaxClusters ≤ {HabitatModel.MaxHabitats}.");
        }

        if (settings.Statistics.Count == 0)
        {
            throw new InvalidInputException("Give at least one local statistic.");
        }

        var channels = string.Join(", ", scans[0].Channels.Select(c => c.Name));
        var differing = scans.FirstOrDefault(s => string.Join(", ", s.Channels.Select(c => c.Name)) != channels);
        if (differing is not null)
        {
            throw new InvalidInputException($"{differing.Mask}: its scan has the channel(s) '{string.Join(", ", differing.Channels.Select(c => c.Name))}', the first scan '{channels}'; every scan needs the same channels.");
        }

        if (scans[0].Channels.Count > 0 && settings.Normalisation is { Method: NormalisationMethod.Nyul })
        {
            throw new InvalidInputException("Nyúl standardisation is fitted on one channel and cannot yet be used for multi-channel scans; use the z-score or percentile scaling.");
        }
    }

    /// <summary>File names without image extensions, made unique with a number when two scans share a name.</summary>
    private static string[] ScanNames(string[] images)
    {
        var names = images.Select(p =>
        {
            string name = Path.GetFileName(p);
            foreach (var ext in ImageFile.Extensions.OrderByDescending(e => e.Length))
            {
                if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                {
                    return name[..^ext.Length];
                }
            }

            return name;
        }).ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            if (names.Count(n => n == names[i]) > 1)
            {
                names[i] = $"{names[i]}_{i + 1}";
            }
        }

        return names;
    }
}
