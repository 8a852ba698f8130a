using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing.BiasField;
using Radiomics.Processing.Normalisation;
using Radiomics.Tables;

namespace Radiomics.Habitats.Model;

/// <summary>
/// Per-habitat radiomics: a whole-region feature extraction run inside each habitat's voxels. <see cref="Extract"/>
/// runs the toolkit's IBSI extractor (<see cref="FeatureExtractor"/>, any family, filter and setting) on every channel
/// of a scan; <see cref="Compute"/> takes any extractor.
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

    /// <summary>
    /// The IBSI features of every habitat of one scan, per channel: <paramref name="settings"/> (the settings the
    /// whole-region extraction uses) run inside each habitat's mask. The bias-field correction and the normalisation of
    /// the settings run once per channel over the whole tumour (every labelled voxel), as for the whole-region features,
    /// so each habitat's values are on the tumour's scale; the rest of the chain (resampling, re-segmentation,
    /// discretisation, filters) runs per habitat. A habitat that is empty in this scan, or a family its few voxels cannot
    /// give (interpolation or re-segmentation leaves no voxel, an unfit discretisation), is skipped and reported, not an
    /// error. The PyRadiomics flavour runs its own chain per habitat unchanged.
    /// </summary>
    /// <param name="channels">The scan's channels on the habitat map's grid (one named "" for a single image).</param>
    /// <param name="habitats">Habitat map with labels 1…<paramref name="k"/>, 0 outside the tumour.</param>
    /// <param name="k">Number of habitats.</param>
    /// <param name="settings">Feature settings.</param>
    /// <param name="subject">Subject (or scan name) of the rows.</param>
    /// <param name="timePoint">Time point of the rows.</param>
    /// <param name="region">Region of the rows (the tumour's name).</param>
    /// <exception cref="InvalidInputException">The normalisation cannot run on this scan (e.g. a region with a single intensity).</exception>
    public static (HabitatFeatureTable Features, IReadOnlyList<HabitatFeatureSkip> Skipped) Extract(
        IReadOnlyList<(string Name, Image<float> Image)> channels, LabelMap habitats, int k, FeatureSettings settings, string subject, string timePoint, string region)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(habitats);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var counts = new long[256];
        foreach (byte label in habitats.Voxels)
        {
            counts[label]++;
        }

        var rows = new List<HabitatFeatureRow>();
        var skipped = new List<HabitatFeatureSkip>();
        bool ibsi = settings.Definitions == FeatureDefinitions.Ibsi;
        var perHabitat = ibsi ? settings with { BiasFieldCorrection = null, Normalisation = null } : settings;
        var tumour = LabelMap.Threshold(habitats.Image, v => v != 0);
        foreach (var (name, channel) in channels)
        {
            channel.Geometry.EnsureMatches(habitats.Geometry, "a channel and its habitat map");
            var image = ibsi ? Prepare(channel, tumour, settings, $"{subject} {timePoint} {name}".Trim()) : channel;
            for (int h = 1; h <= k; h++)
            {
                if (counts[h] == 0)
                {
                    skipped.Add(new HabitatFeatureSkip(subject, timePoint, name, h, 0, "all", "the habitat is empty in this scan"));
                    continue;
                }

                var mask = habitats.Select((byte)h);
                foreach (var table in Families(image, mask, perHabitat, (family, reason) => skipped.Add(new HabitatFeatureSkip(subject, timePoint, name, h, counts[h], family, reason))))
                {
                    var tagged = table.WithSubject(subject).WithTimePoint(timePoint).WithRegion(region).WithChannel(name);
                    rows.AddRange(tagged.Select(r => new HabitatFeatureRow(h, r)));
                }
            }
        }

        return (new HabitatFeatureTable(rows), skipped);
    }

    /// <summary>The channel after the settings' N4 and normalisation over the whole tumour.</summary>
    private static Image<float> Prepare(Image<float> image, LabelMap tumour, FeatureSettings settings, string scan)
    {
        if (settings.BiasFieldCorrection is { } n4)
        {
            image = N4BiasFieldCorrection.Apply(image, settings: n4, scan: scan).Corrected;
        }

        return settings.Normalisation is { IsNone: false } normalisation ? IntensityNormalisation.Apply(image, normalisation, tumour, scan: scan) : image;
    }

    /// <summary>All families at once; when that fails, each family on its own, those that fail reported.</summary>
    private static IEnumerable<FeatureTable> Families(Image image, LabelMap mask, FeatureSettings settings, Action<string, string> skip)
    {
        FeatureTable? all = null;
        string? failure = null;
        try
        {
            all = FeatureExtractor.Extract(image, mask, settings);
        }
        catch (Exception e) when (e is EmptyRoiException or ArgumentException or InvalidInputException)
        {
            failure = e.Message;
        }

        if (all is not null)
        {
            yield return all;
            yield break;
        }

        var families = Enum.GetValues<FeatureFamilies>().Where(f => f is not FeatureFamilies.None and not FeatureFamilies.All && (settings.Families & f) != 0).ToList();
        if (families.Count <= 1)
        {
            skip(families.Count == 1 ? families[0].ToKeys()[0] : "all", failure!);
            yield break;
        }

        foreach (var family in families)
        {
            FeatureTable? one = null;
            try
            {
                one = FeatureExtractor.Extract(image, mask, settings with { Families = family });
            }
            catch (Exception e) when (e is EmptyRoiException or ArgumentException or InvalidInputException)
            {
                skip(family.ToKeys()[0], e.Message);
            }

            if (one is not null)
            {
                yield return one;
            }
        }
    }
}
