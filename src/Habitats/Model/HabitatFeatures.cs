using Radiomics.Features;
using Radiomics.Imaging;

namespace Radiomics.Habitats.Model;

/// <summary>
/// Per-habitat radiomics: runs a whole-region feature extractor on each habitat's voxels. The extractor is passed in
/// (for example <c>(image, mask) =&gt; extractor.Extract(image, mask)</c> with the toolkit's IBSI feature extractor), so
/// the habitat code stays independent of feature settings and families.
/// </summary>
public static class HabitatFeatures
{
    /// <param name="image">The scan the habitats were computed on (same grid).</param>
    /// <param name="habitats">Habitat map with labels 1..<paramref name="k"/>.</param>
    /// <param name="k">Number of habitats.</param>
    /// <param name="extractor">Computes features of an image inside a binary mask (label 1).</param>
    /// <returns>Features of every non-empty habitat, habitat by habitat.</returns>
    public static IReadOnlyList<HabitatFeatureValue> Compute(Image image, LabelMap habitats, int k, Func<Image, LabelMap, IEnumerable<FeatureValue>> extractor)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(habitats);
        ArgumentNullException.ThrowIfNull(extractor);
        habitats.Geometry.EnsureMatches(image.Geometry, "the image and its habitat map");
        var result = new List<HabitatFeatureValue>();
        for (int h = 1; h <= k; h++)
        {
            var mask = habitats.Select((byte)h);
            if (mask.Count(1) == 0)
            {
                continue;
            }

            foreach (var value in extractor(image, mask))
            {
                result.Add(new HabitatFeatureValue(h, value));
            }
        }

        return result;
    }
}
