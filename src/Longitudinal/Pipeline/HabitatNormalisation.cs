using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// The study's intensity normalisation for habitats: a Nyúl standardisation is fitted once on the cohort's baselines,
/// one landmark set per channel for multi-parametric visits.
/// </summary>
internal static class HabitatNormalisation
{
    /// <summary>How errors name a scan and the step that failed.</summary>
    public static string ScanName(string subject, string timePoint, string step) => $"Subject '{subject}', time point '{timePoint}', step '{step}'";

    /// <summary>
    /// The settings as given, or, for an unfitted Nyúl standardisation, fitted on every baseline: single-channel visits
    /// in <see cref="HabitatSettings.Normalisation"/>, multi-parametric ones per channel in
    /// <see cref="HabitatSettings.ChannelNormalisations"/> (each channel on its own grid, over its foreground, or over
    /// the region's mask where the mask is drawn on that channel).
    /// </summary>
    public static HabitatSettings FitOnBaselines(Cohort cohort, HabitatSettings model, string region, CancellationToken cancellation)
    {
        if (model.Normalisation is not { Method: NormalisationMethod.Nyul, StandardLandmarks: null } settings)
        {
            return model;
        }

        var first = cohort.Subjects.FirstOrDefault()?.Baseline;
        if (first is not { IsMultiChannel: true })
        {
            return model with { Normalisation = NyulStandardisation.Fit(Baselines(null), settings) };
        }

        var channels = first.Channels.Select(c => c.Id).ToList();
        return model with { ChannelNormalisations = channels.ToDictionary(c => c, c => NyulStandardisation.Fit(Baselines(c), settings), StringComparer.Ordinal) };

        IEnumerable<(Image, LabelMap?, LabelMap?, string)> Baselines(string? channel)
        {
            foreach (var subject in cohort.Subjects)
            {
                cancellation.ThrowIfCancellationRequested();
                var baseline = subject.Baseline;
                string path = channel is null ? baseline.ImagePath : baseline.Channels.FirstOrDefault(c => c.Id == channel)?.ImagePath
                    ?? throw new StudyException($"{ScanName(subject.Id, baseline.Id, "Nyúl standardisation")}: no '{channel}' channel, which the first baseline has; every visit needs the same channels.");
                bool maskOnThisGrid = channel is null || baseline.MaskChannel(region) == channel;
                if (settings.Region == NormalisationRegion.Roi && !(baseline.HasMask(region) && maskOnThisGrid))
                {
                    continue;
                }

                var image = ImageFile.Read<float>(path);
                var mask = maskOnThisGrid ? TimePointMasks.Read(baseline, region, image.Geometry) : null;
                string scan = ScanName(subject.Id, baseline.Id, "Nyúl standardisation") + (channel is null ? "" : $", channel '{channel}'");
                yield return (image, mask, null, scan);
            }
        }
    }
}
