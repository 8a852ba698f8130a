using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Processing.Normalisation;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>Voxel features, habitat maps and their measures as feature rows (family <c>habitat</c>).</summary>
internal static class HabitatStage
{
    public const string Family = "habitat";

    public static IVoxelFeature[] VoxelFeatures(HabitatStudySettings settings) =>
    [
        new IntensityFeature(),
        new LocalFirstOrderFeatures(new LocalFirstOrderSettings
        {
            Kernel = StructuringElement.Box(settings.KernelRadiusVoxels, RadiusUnit.Voxels),
            Statistics = settings.Statistics,
        }),
    ];

    /// <summary>The voxel feature map of a scan's region after the (fitted) normalisation; <paramref name="scan"/> names the scan in errors.</summary>
    public static VoxelFeatureMap Map(Image<float> image, LabelMap mask, HabitatStudySettings settings, NormalisationSettings? normalisation, string scan)
    {
        if (mask.BoundingBox() is null)
        {
            throw new Features.EmptyRoiException($"{scan}: the tumour mask is empty, so there are no voxels for habitats.");
        }

        var normalised = normalisation is { IsNone: false } n ? IntensityNormalisation.Apply(image, n, mask, scan: scan) : image;
        return VoxelFeatureMaps.Compute(normalised, mask, VoxelFeatures(settings));
    }

    /// <summary>
    /// The voxel feature map of a visit's channels on the reference grid: each channel normalised over its own
    /// foreground (or as <paramref name="normalisation"/> says) and mapped, names prefixed by the channel ID; a
    /// single-channel visit's map as <see cref="Map(Image{float}, LabelMap, HabitatStudySettings, NormalisationSettings?, string)"/>.
    /// </summary>
    public static VoxelFeatureMap Map(IReadOnlyList<VisitChannel> channels, LabelMap mask, HabitatStudySettings settings, NormalisationSettings? normalisation, string scan)
    {
        if (channels.Count == 1 && channels[0].Id.Length == 0)
        {
            return Map(channels[0].Image, mask, settings, normalisation, scan);
        }

        var maps = channels.Select(c => Map(c.Image, mask, settings, normalisation, $"{scan}, channel '{c.Id}'")).ToList();
        return ChannelStack.Stack([.. channels.Select(c => c.Id)], maps);
    }

    /// <summary>The habitat model settings a study's habitat settings stand for (recording the normalisation the maps were made with).</summary>
    public static HabitatSettings ModelSettings(HabitatStudySettings settings, int threads, NormalisationSettings? normalisation = null) => new()
    {
        KMeans = new Habitats.Clustering.KMeansSettings { NClusters = settings.Clusters, Seed = settings.Seed, MaxDegreeOfParallelism = threads },
        MaxVoxelsPerScan = settings.MaxVoxelsPerScan,
        Normalisation = normalisation,
    };

    /// <summary>Fractions, volumes and components of each habitat and the heterogeneity indices, as feature rows.</summary>
    /// <param name="summary">The habitat measures.</param>
    /// <param name="channels">The visit's channels on the habitat map's grid: the mean intensity of each habitat is given per channel (tagged with its ID when the visit has several).</param>
    /// <param name="habitats">The habitat map.</param>
    /// <param name="subject">Subject ID.</param>
    /// <param name="timePoint">Time point ID.</param>
    /// <param name="region">Region name.</param>
    public static IEnumerable<FeatureRow> Rows(HabitatSummary summary, IReadOnlyList<VisitChannel> channels, LabelMap habitats, string subject, string timePoint, string region)
    {
        var means = channels.Select(c => MeanIntensities(c.Image.Voxels, habitats.Voxels, summary.K)).ToList();
        FeatureRow Row(string feature, string variant, double value) =>
            new(subject, timePoint, region, "original", Family, feature, "", "", variant, value);
        foreach (var h in summary.Habitats)
        {
            string variant = $"habitat {h.Habitat}";
            yield return Row("Fraction", variant, h.Fraction);
            yield return Row("Volume", variant, h.VolumeMm3);
            yield return Row("Connected components", variant, h.Components);
            for (int c = 0; c < channels.Count; c++)
            {
                yield return new FeatureRow(subject, timePoint, region, "original", Family, "Mean intensity", "Q4LE", "", variant, means[c][h.Habitat - 1]) { Channel = channels[c].Id };
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
