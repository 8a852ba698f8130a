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

    /// <summary>The habitat model settings a study's habitat settings stand for (recording the normalisation the maps were made with).</summary>
    public static HabitatSettings ModelSettings(HabitatStudySettings settings, int threads, NormalisationSettings? normalisation = null) => new()
    {
        KMeans = new Habitats.Clustering.KMeansSettings { NClusters = settings.Clusters, Seed = settings.Seed, MaxDegreeOfParallelism = threads },
        MaxVoxelsPerScan = settings.MaxVoxelsPerScan,
        Normalisation = normalisation,
    };

    /// <summary>Fractions, volumes and components of each habitat and the heterogeneity indices, as feature rows.</summary>
    public static IEnumerable<FeatureRow> Rows(HabitatSummary summary, Image<float> image, LabelMap habitats, string subject, string timePoint, string region)
    {
        var means = MeanIntensities(image.Voxels, habitats.Voxels, summary.K);
        FeatureRow Row(string feature, string variant, double value) =>
            new(subject, timePoint, region, "original", Family, feature, "", "", variant, value);
        foreach (var h in summary.Habitats)
        {
            string variant = $"habitat {h.Habitat}";
            yield return Row("Fraction", variant, h.Fraction);
            yield return Row("Volume", variant, h.VolumeMm3);
            yield return Row("Connected components", variant, h.Components);
            yield return new FeatureRow(subject, timePoint, region, "original", Family, "Mean intensity", "Q4LE", "", variant, means[h.Habitat - 1]);
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
