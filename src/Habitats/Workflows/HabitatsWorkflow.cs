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
/// it is multi-parametric, brought onto the reference channel's grid) corrected for bias field when asked, normalised
/// and turned into a voxel feature map (<see cref="HabitatVoxelFeatures"/>), the voxels
/// pooled and standardised once (two-stage: each scan's supervoxels and their feature means pooled instead), k chosen
/// on those standardised rows by a stated criterion, one habitat model fitted on the same voxels (or a given model applied),
/// and per scan a habitat map, its measures and, with <see cref="HabitatsWorkflowSettings.HabitatFeatures"/>, the IBSI
/// features of each habitat per channel (<see cref="HabitatFeatures.Extract"/>).
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
        // A given model is applied with its own features (when it records them), normalisation and N4.
        var mapping = model is null ? settings.Model : model.Training.Settings with { VoxelFeatures = model.Training.Settings.VoxelFeatures ?? settings.Model.VoxelFeatures };
        if (settings.Channels is null && mapping.VoxelFeatures?.Problem() is { } problem)
        {
            throw new InvalidInputException($"habitat voxel features: {problem}");
        }

        var channelNames = scans[0].Channels.Select(c => c.Name).ToList();
        if (model is not null)
        {
            var computed = HabitatVoxelFeatures.ChannelNames(channelNames, mapping.VoxelFeatures, settings.Channels is { } f ? [f] : null).ToHashSet(StringComparer.Ordinal);
            var missing = model.Channels.Where(c => !computed.Contains(c)).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidInputException(
                    $"The habitat model clusters channel(s) {string.Join(", ", missing)} that these settings do not compute ({string.Join(", ", computed)}); give the model's kernel and statistics.");
            }
        }

        if (model is null)
        {
            mapping = FitNyul(scans, settings, mapping, progress);
        }

        // The channel images are kept for the per-habitat features (on the reference grid, as the maps).
        var images = settings.HabitatFeatures is null ? null : new IReadOnlyList<(string Name, Image<float> Image)>[scans.Count];
        var maps = FeatureMaps(scans, settings, mapping, progress, images);
        var names = ScanNames(scans.Select(s => s.Image).ToArray());
        ClusterCountSelection? selection = null;
        if (model is null)
        {
            (model, selection) = Fit(maps, names, settings, mapping, progress);
        }

        var results = new HabitatScanResult[scans.Count];
        var features = new List<HabitatFeatureTable>();
        var skipped = new List<HabitatFeatureSkip>();
        for (int s = 0; s < scans.Count; s++)
        {
            var habitats = model.Predict(maps[s]);
            results[s] = new HabitatScanResult(names[s], scans[s].Image, habitats, HabitatSummary.Compute(habitats, model.HabitatCount));
            if (images is not null)
            {
                const string step = "Per-habitat features";
                progress?.Report(new(step, s, scans.Count));
                var (table, skips) = HabitatFeatures.Extract(images[s], habitats, model.HabitatCount, settings.HabitatFeatures!, names[s], "", HabitatsWorkflowResult.Region);
                features.Add(table);
                skipped.AddRange(skips);
                images[s] = [];
                progress?.Report(new(step, s + 1, scans.Count));
            }
        }

        return new HabitatsWorkflowResult(model, fitted, selection, settings, results)
        {
            HabitatFeatures = images is null ? null : HabitatFeatureTable.Concat(features),
            HabitatFeatureSkips = skipped,
        };
    }

    /// <summary>The voxel features of the workflow: the settings' PyRadiomics features, or the model settings' voxel features.</summary>
    public static IReadOnlyList<IVoxelFeature> Features(HabitatsWorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Channels is { } channels ? [channels] : HabitatVoxelFeatures.Create(settings.Model.VoxelFeatures ?? new Features.VoxelFeatureSettings());
    }

    /// <summary>An unfitted Nyúl standardisation fitted on the given scans (per channel for multi-parametric scans).</summary>
    private static HabitatSettings FitNyul(IReadOnlyList<HabitatScan> scans, HabitatsWorkflowSettings settings, HabitatSettings model, IProgress<WorkflowProgress>? progress)
    {
        if (model.Normalisation is not { Method: NormalisationMethod.Nyul, StandardLandmarks: null } nyul)
        {
            return model;
        }

        const string step = "Fitting the Nyúl standardisation";
        progress?.Report(new(step, 0, 1));
        NormalisationSettings FitOn(Func<HabitatScan, (Image<float> Image, string Name)> channel) => NyulStandardisation.Fit(
            scans.Select(s =>
            {
                var (image, name) = channel(s);
                var mask = ImageFile.ReadLabelMap(s.Mask);
                return ((Image)image, image.Geometry.Matches(mask.Geometry) ? (LabelMap?)mask : null, (LabelMap?)null, name);
            }),
            nyul);
        var fitted = scans[0].Channels.Count == 0
            ? model with { Normalisation = FitOn(s => (ImageFile.Read<float>(s.Image), s.Image)) }
            : model with
            {
                ChannelNormalisations = scans[0].Channels.ToDictionary(
                    c => c.Name, c => FitOn(s => ChannelImage(s, c.Name, settings)), StringComparer.Ordinal),
            };
        progress?.Report(new(step, 1, 1));
        return fitted;
    }

    /// <summary>A channel of a scan on the scan's mask grid: read, and brought onto the reference channel's grid when it is on another one.</summary>
    private static (Image<float> Image, string Name) ChannelImage(HabitatScan scan, string channel, HabitatsWorkflowSettings settings)
    {
        var path = scan.Channels.First(c => c.Name == channel).Image;
        var image = ImageFile.Read<float>(path);
        var reference = scan.Channels[0];
        if (channel == reference.Name)
        {
            return (image, path);
        }

        var referenceGeometry = ImageFile.ReadHeader(reference.Image).Geometry;
        if (image.Geometry.Matches(referenceGeometry))
        {
            return (image, path);
        }

        string name = $"{path} (channel '{channel}' of the scan of {scan.Mask})";
        if (settings.ChannelAligner is not { } aligner)
        {
            throw new InvalidInputException($"{name}: on another grid than the reference channel '{reference.Name}' ({reference.Image}), and no channel aligner is given to resample it.");
        }

        return (aligner.Align(ImageFile.Read<float>(reference.Image), image, name), path);
    }

    private static VoxelFeatureMap[] FeatureMaps(
        IReadOnlyList<HabitatScan> scans, HabitatsWorkflowSettings settings, HabitatSettings model, IProgress<WorkflowProgress>? progress,
        IReadOnlyList<(string Name, Image<float> Image)>[]? keep)
    {
        const string step = "Voxel feature maps";
        var features = settings.Channels is { } pyradiomics ? new[] { pyradiomics } : null;
        var maps = new VoxelFeatureMap[scans.Count];
        progress?.Report(new(step, 0, scans.Count));
        for (int s = 0; s < scans.Count; s++)
        {
            var scan = scans[s];
            var mask = ImageFile.ReadLabelMap(scan.Mask);
            IReadOnlyList<(string Name, Image<float> Image)> channels = scan.Channels.Count > 0
                ? [.. scan.Channels.Select(c => (c.Name, ChannelImage(scan, c.Name, settings).Image))]
                : [("", ImageFile.Read<float>(scan.Image))];
            string name = scan.Channels.Count > 0 ? scan.Mask : $"{scan.Image} with mask {scan.Mask}";
            maps[s] = HabitatVoxelFeatures.Map(channels, mask, model, name, settings.Label, features);
            if (keep is not null)
            {
                keep[s] = channels;
            }

            progress?.Report(new(step, s + 1, scans.Count));
        }

        return maps;
    }

    /// <summary>Pools and standardises once; k selection and the fit share the same standardised voxels.</summary>
    private static (HabitatModel Model, ClusterCountSelection? Selection) Fit(
        VoxelFeatureMap[] maps, string[] names, HabitatsWorkflowSettings settings, HabitatSettings model, IProgress<WorkflowProgress>? progress)
    {
        var kmeans = model.KMeans with { MaxDegreeOfParallelism = settings.Parallelism.Threads };
        var habitatSettings = model with
        {
            KMeans = kmeans with { NClusters = settings.MinClusters },
            // PyRadiomics voxel features are not described by the voxel feature settings.
            VoxelFeatures = settings.Channels is null ? model.VoxelFeatures : null,
        };
        // Two-stage: k selection and the fit see the supervoxel means, and every scan must have at least the largest k of them.
        var pooled = habitatSettings.Strategy == HabitatStrategy.TwoStage
            ? PooledVoxels.Supervoxels(maps, habitatSettings with { KMeans = kmeans with { NClusters = settings.MaxClusters } }, names)
            : PooledVoxels.Draw(maps, habitatSettings);
        return pooled.ChooseAndFit(settings.MinClusters, settings.MaxClusters, settings.Criterion, habitatSettings, progress);
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

        var channels = string.Join(", ", scans[0].Channels.Select(c => c.Name));
        var differing = scans.FirstOrDefault(s => string.Join(", ", s.Channels.Select(c => c.Name)) != channels);
        if (differing is not null)
        {
            throw new InvalidInputException($"{differing.Mask}: its scan has the channel(s) '{string.Join(", ", differing.Channels.Select(c => c.Name))}', the first scan '{channels}'; every scan needs the same channels.");
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
