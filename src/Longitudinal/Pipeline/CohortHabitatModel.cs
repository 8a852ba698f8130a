using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;
using Radiomics.Workflows;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// The cohort habitat model fitted on the baseline tumours. One-stage models are streamed: one baseline at a time is
/// read and mapped, a bounded sample of its voxels is kept, so the fit holds at most
/// <see cref="HabitatStudySettings.MaxVoxelsInFit"/> sampled voxels however large the cohort. Two-stage models need
/// every baseline's map for its supervoxels; the maps are cropped to each tumour's bounding box. The fit is
/// deterministic (seeded per baseline), so every job that fits it on the same baselines gets the same model.
/// </summary>
public static class CohortHabitatModel
{
    /// <summary>Fits the model on the baselines of <paramref name="cohort"/> that have a <paramref name="region"/> mask.</summary>
    /// <exception cref="StudyException">No baseline has a mask of the region.</exception>
    /// <param name="cohort">The cohort (its valid part).</param>
    /// <param name="settings">The habitat model's settings and the cohort's sample bound.</param>
    /// <param name="region">The region whose baseline masks are pooled.</param>
    /// <param name="threads">Threads (0: all cores).</param>
    /// <param name="progress">One report per baseline.</param>
    /// <param name="cancellation">Stops the fit.</param>
    /// <param name="channelRegistration">How the channels of a multi-parametric visit are registered to the reference (<see cref="StudySettings.ChannelRegistration"/>; null: not registered).</param>
    public static HabitatModel Fit(
        Cohort cohort, HabitatStudySettings settings, string region, int threads = 0, IProgress<StudyProgress>? progress = null, CancellationToken cancellation = default,
        Registration.ImageRegistrationSettings? channelRegistration = null) =>
        Fit(cohort, settings, region, threads, progress, cancellation, channelRegistration, keep: null).Model;

    /// <summary>The model with the scores of every k when <see cref="HabitatStudySettings.ClusterCount"/> asks for k to be chosen (null otherwise).</summary>
    public static (HabitatModel Model, ClusterCountSelection? Selection) FitWithSelection(
        Cohort cohort, HabitatStudySettings settings, string region, int threads = 0, IProgress<StudyProgress>? progress = null, CancellationToken cancellation = default,
        Registration.ImageRegistrationSettings? channelRegistration = null)
    {
        var (model, _, selection) = Fit(cohort, settings, region, threads, progress, cancellation, channelRegistration, keep: null);
        return (model, selection);
    }

    /// <summary>
    /// The model and the voxel feature map of the baselines of the subjects in <paramref name="keep"/>, by subject ID
    /// (each cropped to the tumour's bounding box), so a single run maps every baseline once.
    /// </summary>
    internal static (HabitatModel Model, Dictionary<string, VoxelFeatureMap> BaselineMaps, ClusterCountSelection? Selection) Fit(
        Cohort cohort, HabitatStudySettings settings, string region, int threads, IProgress<StudyProgress>? progress, CancellationToken cancellation,
        Registration.ImageRegistrationSettings? channelRegistration, IReadOnlySet<string>? keep)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(settings);
        settings.ClusterCount?.Validate();
        var baselines = cohort.Subjects.Where(s => s.Baseline.Masks.ContainsKey(region)).ToList();
        if (baselines.Count == 0)
        {
            throw new StudyException($"No baseline has a '{region}' mask to fit the habitat model on.");
        }

        int? perScan = PerScanLimit(settings, baselines.Count);
        var model = HabitatNormalisation.FitOnBaselines(cohort, settings.Model, region, cancellation) with
        {
            KMeans = settings.Model.KMeans with { MaxDegreeOfParallelism = threads },
            VoxelFeatures = settings.Model.VoxelFeatures ?? new Features.VoxelFeatureSettings(),
            MaxVoxelsPerScan = perScan,
        };
        bool twoStage = model.Strategy == HabitatStrategy.TwoStage;
        var parallel = new Numerics.Parallelism(threads) { Cancellation = cancellation };
        var maps = new Dictionary<string, VoxelFeatureMap>(StringComparer.Ordinal);
        var samples = new List<FeatureMatrix>(baselines.Count);
        IReadOnlyList<string>? channels = null;
        for (int i = 0; i < baselines.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var subject = baselines[i];
            progress?.Report(new StudyProgress(subject.Id, "habitat voxel features (baseline)", 0, baselines.Count, (double)i / baselines.Count));
            var image = ImageFile.Read<float>(subject.Baseline.ImagePath);
            var visit = VisitChannels.Load(subject.Baseline, image, channelRegistration, parallel, cancellation);
            var mask = VisitChannels.Mask(subject.Baseline, region, visit, parallel)!;
            var map = VisitChannels.HabitatMap(visit, mask, model, HabitatNormalisation.ScanName(subject.Id, subject.Baseline.Id, "habitat voxel features"));
            channels ??= map.ChannelNames;
            if (twoStage || keep?.Contains(subject.Id) == true)
            {
                maps[subject.Id] = map;
            }

            if (!twoStage)
            {
                samples.Add(HabitatModel.SampleVoxels(map, channels, perScan, model.KMeans.Seed, i));
            }
        }

        HabitatModel fitted;
        ClusterCountSelection? selection = null;
        var names = baselines.Select(s => $"{s.Id}, time point {s.Baseline.Id}").ToArray();
        if (settings.ClusterCount is { } range)
        {
            var steps = progress is null ? null : new SynchronousProgress<WorkflowProgress>(p => progress.Report(new StudyProgress("cohort", p.Step, 0, baselines.Count, p.Done / p.Total)));
            (fitted, selection) = Choose(range, model, channels!, baselines.Count, samples, twoStage ? [.. baselines.Select(s => maps[s.Id])] : null, names, steps);
        }
        else
        {
            progress?.Report(new StudyProgress("cohort", "fitting habitat model", 0, baselines.Count, 0));
            fitted = twoStage
                ? HabitatModel.Fit([.. baselines.Select(s => maps[s.Id])], model, scanNames: names)
                : HabitatModel.FitPooled(PooledVoxels.Concat(samples, channels!.Count), baselines.Count, channels, model);
        }

        if (twoStage)
        {
            maps = maps.Where(m => keep?.Contains(m.Key) == true).ToDictionary(StringComparer.Ordinal);
        }

        return (fitted, maps, selection);
    }

    /// <summary>
    /// Pools and standardises once (two-stage: supervoxels for the largest k), then chooses k on those rows and fits it
    /// on the same rows (<see cref="PooledVoxels.ChooseAndFit"/>).
    /// </summary>
    private static (HabitatModel Model, ClusterCountSelection Selection) Choose(
        ClusterCountRange range, HabitatSettings model, IReadOnlyList<string> channels, int scans, List<FeatureMatrix> samples, VoxelFeatureMap[]? maps, string[] names,
        IProgress<WorkflowProgress>? progress)
    {
        var pooled = maps is not null
            ? PooledVoxels.Supervoxels(maps, model.WithClusters(range.MaxClusters), names)
            : PooledVoxels.FromMatrix(PooledVoxels.Concat(samples, channels.Count), scans, channels, model);
        var (fitted, selection) = pooled.ChooseAndFit(range.MinClusters, range.MaxClusters, range.Criterion, model, progress);
        // A validated range has at least two k, so they were scored.
        return (fitted, selection!);
    }

    /// <summary>
    /// Voxels drawn from each baseline: the model's <see cref="HabitatSettings.MaxVoxelsPerScan"/>, lowered so that all
    /// baselines together give at most <see cref="HabitatStudySettings.MaxVoxelsInFit"/>.
    /// </summary>
    public static int? PerScanLimit(HabitatStudySettings settings, int baselines)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxVoxelsInFit is not { } total)
        {
            return settings.Model.MaxVoxelsPerScan;
        }

        int share = (int)Math.Max(1, total / Math.Max(1, baselines));
        return settings.Model.MaxVoxelsPerScan is { } perScan ? Math.Min(perScan, share) : share;
    }
}
