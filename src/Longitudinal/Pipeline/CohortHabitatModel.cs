using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// The cohort habitat model fitted on the baseline tumours, streamed: one baseline at a time is read and mapped, a
/// bounded sample of its voxels is kept and the rest dropped, so memory holds one scan plus at most
/// <see cref="HabitatStudySettings.MaxVoxelsInFit"/> sampled voxels however large the cohort. The fit is deterministic
/// (seeded per baseline), so every job that fits it on the same baselines gets the same model.
/// </summary>
public static class CohortHabitatModel
{
    /// <summary>Fits the model on the baselines of <paramref name="cohort"/> that have a <paramref name="region"/> mask.</summary>
    /// <exception cref="StudyException">No baseline has a mask of the region.</exception>
    /// <param name="cohort">The cohort (its valid part).</param>
    /// <param name="settings">Voxel features, normalisation, k and sampling.</param>
    /// <param name="region">The region whose baseline masks are pooled.</param>
    /// <param name="threads">Threads (0: all cores).</param>
    /// <param name="progress">One report per baseline.</param>
    /// <param name="cancellation">Stops the fit.</param>
    /// <param name="channelRegistration">How the channels of a multi-parametric visit are registered to the reference (<see cref="StudySettings.ChannelRegistration"/>; null: not registered).</param>
    public static HabitatModel Fit(
        Cohort cohort, HabitatStudySettings settings, string region, int threads = 0, IProgress<StudyProgress>? progress = null, CancellationToken cancellation = default,
        Registration.ImageRegistrationSettings? channelRegistration = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(settings);
        var baselines = cohort.Subjects.Where(s => s.Baseline.Masks.ContainsKey(region)).ToList();
        if (baselines.Count == 0)
        {
            throw new StudyException($"No baseline has a '{region}' mask to fit the habitat model on.");
        }

        if (baselines.Any(s => s.Baseline.IsMultiChannel) && settings.Normalisation is { Method: Radiomics.Processing.Normalisation.NormalisationMethod.Nyul })
        {
            throw new StudyException("Nyúl standardisation is fitted on one channel and cannot yet be used for multi-parametric visits; use the z-score (the default) or percentile scaling.");
        }

        int? perScan = PerScanLimit(settings, baselines.Count);
        var parallel = new Numerics.Parallelism(threads) { Cancellation = cancellation };
        var normalisation = HabitatNormalisation.FitOnBaselines(cohort, settings.Normalisation, region, cancellation);
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
            var map = HabitatStage.Map(visit, mask, settings, normalisation, HabitatNormalisation.ScanName(subject.Id, subject.Baseline.Id, "habitat voxel features"));
            channels ??= map.ChannelNames;
            samples.Add(HabitatModel.SampleVoxels(map, channels, perScan, settings.Seed, i));
        }

        progress?.Report(new StudyProgress("cohort", "fitting habitat model", 0, baselines.Count, 0));
        return HabitatModel.FitPooled(Concat(samples, channels!.Count), baselines.Count, channels, HabitatStage.ModelSettings(settings, threads, normalisation) with { MaxVoxelsPerScan = perScan });
    }

    /// <summary>
    /// Voxels drawn from each baseline: <see cref="HabitatStudySettings.MaxVoxelsPerScan"/>, lowered so that all
    /// baselines together give at most <see cref="HabitatStudySettings.MaxVoxelsInFit"/>.
    /// </summary>
    public static int? PerScanLimit(HabitatStudySettings settings, int baselines)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxVoxelsInFit is not { } total)
        {
            return settings.MaxVoxelsPerScan;
        }

        int share = (int)Math.Max(1, total / Math.Max(1, baselines));
        return settings.MaxVoxelsPerScan is { } perScan ? Math.Min(perScan, share) : share;
    }

    private static FeatureMatrix Concat(List<FeatureMatrix> parts, int columns)
    {
        var data = new double[parts.Sum(p => p.Values.Length)];
        int at = 0;
        foreach (var part in parts)
        {
            part.Values.CopyTo(data.AsSpan(at));
            at += part.Values.Length;
        }

        return new FeatureMatrix(data, columns);
    }
}
