using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>The study's intensity normalisation for habitats: a Nyúl standardisation is fitted once on the cohort's baselines.</summary>
internal static class HabitatNormalisation
{
    /// <summary>How errors name a scan and the step that failed.</summary>
    public static string ScanName(string subject, string timePoint, string step) => $"Subject '{subject}', time point '{timePoint}', step '{step}'";

    /// <summary>The settings as given, or, for an unfitted Nyúl standardisation, fitted on every baseline with the region's mask.</summary>
    public static NormalisationSettings? FitOnBaselines(Cohort cohort, NormalisationSettings? settings, string region, CancellationToken cancellation)
    {
        if (settings is not { Method: NormalisationMethod.Nyul, StandardLandmarks: null })
        {
            return settings;
        }

        return NyulStandardisation.Fit(Baselines(), settings);

        IEnumerable<(Image, LabelMap?, LabelMap?, string)> Baselines()
        {
            foreach (var subject in cohort.Subjects)
            {
                cancellation.ThrowIfCancellationRequested();
                var baseline = subject.Baseline;
                if (!baseline.HasMask(region) && settings.Region == NormalisationRegion.Roi)
                {
                    continue;
                }

                var image = ImageFile.Read<float>(baseline.ImagePath);
                yield return (image, TimePointMasks.Read(baseline, region, image.Geometry), null, ScanName(subject.Id, baseline.Id, "Nyúl standardisation"));
            }
        }
    }
}
