using Radiomics.Imaging;
using Radiomics.Tables;

namespace Radiomics.Habitats.Model;

/// <summary>
/// A scan's habitat measures as tidy feature rows (family <c>habitat</c>): each habitat's fraction, volume, connected
/// components and mean intensity per channel, and the heterogeneity indices. The study writes them beside the
/// whole-region features, so deltas and tables treat them like any feature.
/// </summary>
public static class HabitatFeatureRows
{
    /// <summary>The family name of the rows.</summary>
    public const string Family = "habitat";

    /// <param name="summary">The habitat measures.</param>
    /// <param name="channels">The scan's channels on the habitat map's grid (one named "" for a single image): the mean intensity of each habitat is given per channel (tagged with its name when the scan has several).</param>
    /// <param name="habitats">The habitat map.</param>
    /// <param name="subject">Subject ID.</param>
    /// <param name="timePoint">Time point ID.</param>
    /// <param name="region">Region name.</param>
    public static IEnumerable<FeatureRow> Of(
        HabitatSummary summary, IReadOnlyList<(string Name, Image<float> Image)> channels, LabelMap habitats, string subject, string timePoint, string region)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(habitats);
        foreach (var (_, image) in channels)
        {
            image.Geometry.EnsureMatches(habitats.Geometry, "a channel and its habitat map");
        }

        return Rows(summary, [.. channels.Select(c => (c.Name, MeanIntensities(c.Image.Voxels, habitats.Voxels, summary.K)))], subject, timePoint, region);
    }

    private static IEnumerable<FeatureRow> Rows(HabitatSummary summary, (string Name, double[] Means)[] means, string subject, string timePoint, string region)
    {
        FeatureRow Row(string feature, string variant, double value) =>
            new(subject, timePoint, region, "original", Family, feature, "", "", variant, value);
        foreach (var h in summary.Habitats)
        {
            string variant = $"habitat {h.Habitat}";
            yield return Row("Fraction", variant, h.Fraction);
            yield return Row("Volume", variant, h.VolumeMm3);
            yield return Row("Connected components", variant, h.Components);
            foreach (var (name, values) in means)
            {
                yield return new FeatureRow(subject, timePoint, region, "original", Family, "Mean intensity", "Q4LE", "", variant, values[h.Habitat - 1]) { Channel = name };
            }
        }

        yield return Row("Fraction entropy", "", summary.FractionEntropy);
        yield return Row("Spatial mixing index", "", summary.SpatialMixingIndex);
    }

    /// <summary>Mean intensity of each habitat (NaN for an empty one).</summary>
    private static double[] MeanIntensities(ReadOnlySpan<float> image, ReadOnlySpan<byte> habitats, int k)
    {
        var sums = new double[k + 1];
        var counts = new long[k + 1];
        for (int i = 0; i < image.Length; i++)
        {
            sums[habitats[i]] += image[i];
            counts[habitats[i]]++;
        }

        var means = new double[k];
        for (int h = 1; h <= k; h++)
        {
            means[h - 1] = counts[h] == 0 ? double.NaN : sums[h] / counts[h];
        }

        return means;
    }
}
