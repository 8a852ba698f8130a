using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Stability;

/// <summary>
/// Feature stability by perturbation: every subject's features are extracted once per perturbation of its mask, and
/// each feature's ICC across the perturbations tells whether it survives the delineation uncertainty of a study.
/// </summary>
public static class FeatureStability
{
    /// <summary>Extracts every perturbation of every subject's region and computes the ICCs.</summary>
    /// <exception cref="ArgumentException">Fewer than two subjects or two perturbations.</exception>
    public static (StabilityTable Table, FeatureTable Repeats) Assess(
        IReadOnlyList<(string Subject, Image Image, LabelMap Mask)> subjects, FeatureSettings features, StabilitySettings? settings = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(features);
        settings ??= new StabilitySettings();
        if (subjects.Count < 2 || settings.Perturbations.Count < 2)
        {
            throw new ArgumentException($"A stability assessment needs at least 2 subjects and 2 perturbations; got {subjects.Count} and {settings.Perturbations.Count}.", nameof(subjects));
        }

        if (settings.Perturbations.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != settings.Perturbations.Count)
        {
            throw new ArgumentException("Each perturbation must be different.", nameof(settings));
        }

        var tables = new List<FeatureTable>();
        int done = 0;
        foreach (var (subject, image, mask) in subjects)
        {
            // Perturbations that empty a small mask are skipped; the subject then leaves the ICCs of the repeats it lacks.
            tables.Add(PerturbedExtraction.Extract(subject, image, mask, features, settings).Repeats);
            progress?.Report((double)++done / subjects.Count);
        }

        var repeats = FeatureTable.Concat(tables);
        return (StabilityTable.FromRepeats(repeats), repeats);
    }
}
