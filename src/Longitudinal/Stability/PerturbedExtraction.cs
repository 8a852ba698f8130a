using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Stability;

/// <summary>A perturbation left out of a stability assessment, and why (e.g. an erosion that empties a small mask).</summary>
public sealed record SkippedPerturbation(string Subject, string Perturbation, string Reason)
{
    /// <summary>The CSV layout of <c>stability_skipped.csv</c>.</summary>
    public static readonly IReadOnlyList<TableColumn<SkippedPerturbation>> Columns =
        [new("subject", k => k.Subject), new("perturbation", k => k.Perturbation), new("reason", k => k.Reason)];
}

/// <summary>
/// The features of one region under every perturbation of a <see cref="StabilitySettings"/>. A perturbation that
/// leaves no voxel (an erosion of a small or thin mask, a shift off the image) is skipped and reported instead of
/// failing the subject; the ICCs then leave that subject out of the repeats it lacks.
/// </summary>
public static class PerturbedExtraction
{
    /// <summary>The repeats (time point = perturbation name) and the perturbations skipped.</summary>
    public static (FeatureTable Repeats, IReadOnlyList<SkippedPerturbation> Skipped) Extract(
        string subject, Image image, LabelMap mask, FeatureSettings features, StabilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(settings);
        var binary = LabelMap.Threshold(mask.Image, v => v != 0);
        var tables = new List<FeatureTable>();
        var skipped = new List<SkippedPerturbation>();
        foreach (var perturbation in settings.Perturbations)
        {
            var perturbed = perturbation.Apply(binary);
            if (perturbed.BoundingBox() is null)
            {
                skipped.Add(new SkippedPerturbation(subject, perturbation.Name, $"the perturbed mask is empty (the mask has {binary.Count(1)} voxels)"));
                continue;
            }

            try
            {
                tables.Add(FeatureExtractor.Extract(image, perturbed, features).WithSubject(subject).WithTimePoint(perturbation.Name));
            }
            catch (EmptyRoiException e) when (perturbation.Kind != PerturbationKind.None)
            {
                skipped.Add(new SkippedPerturbation(subject, perturbation.Name, e.Message));
            }
        }

        return (FeatureTable.Concat(tables), skipped);
    }
}
