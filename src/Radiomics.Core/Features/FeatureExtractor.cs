using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Radiomics.Imaging;
using Radiomics.Numerics;
using Radiomics.Processing;
using Radiomics.Tables;

namespace Radiomics.Features;

/// <summary>
/// Computes IBSI 1 features of an ROI: runs the image processing chain (<see cref="RoiPreprocessing"/>) once per image
/// type (the original image and each filter response, since interpolation and re-segmentation apply to each), then the
/// requested families in parallel, and returns a <see cref="FeatureTable"/> that records the settings used.
/// </summary>
public static class FeatureExtractor
{
    /// <summary>
    /// Features of the ROI made of every non-zero voxel of <paramref name="mask"/> (select a label first with
    /// <see cref="LabelMap.Select"/> when the map has several). The table's <c>region</c> is the label number when the
    /// mask holds a single label, <c>image_type</c> is "original".
    /// </summary>
    /// <remarks>
    /// Documented edge cases: a single-voxel ROI gives finite statistics (variance, skewness and kurtosis 0) and NaN
    /// where a feature divides by a zero spread (e.g. the coefficient of variation of a zero mean, IVH fractions of a
    /// one-intensity range). Non-finite intensities leave the intensity mask when no interpolation is asked for; with
    /// interpolation they are an error because they would spread.
    /// </remarks>
    /// <exception cref="GeometryMismatchException">The mask is not on the image's grid.</exception>
    /// <exception cref="EmptyRoiException">The mask is empty, or interpolation or re-segmentation leaves no voxel.</exception>
    /// <exception cref="ArgumentException">Invalid settings, a multi-component image, non-finite intensities under interpolation, or intensities unfit for the chosen discretisation.</exception>
    public static FeatureTable Extract(Image image, LabelMap mask, FeatureSettings settings, IProgress<FeatureExtractionProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.Definitions == FeatureDefinitions.PyRadiomics)
        {
            // The named PyRadiomics flavour runs its own chain (docs/pyradiomics-flavour.md).
            return PyRadiomics.PyRadiomicsTables.Extract(image, mask, settings);
        }

        var families = settings.Families.ToKeys();
        var labels = mask.Labels();
        string region = labels.Count == 1 ? labels[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : "roi";
        int perType = families.Count + 1, total = perType * settings.ImageTypes.Count;
        var tables = new List<FeatureTable>();
        for (int t = 0; t < settings.ImageTypes.Count; t++)
        {
            var type = settings.ImageTypes[t];
            var filter = type.Settings() is Filters.OriginalSettings ? null : type;
            var roi = RoiPreprocessing.Run(image, mask, settings, filter);
            progress?.Report(new FeatureExtractionProgress(filter is null ? "preprocessing" : $"filter {type.ImageTypeName()}", (t * perType) + 1, total));
            var values = Compute(roi, settings.Families, progress, offset: (t * perType) + 1, total: total);
            tables.Add(FeatureTable.FromValues(values, region: region, settings: settings).WithImageType(type.ImageTypeName()));
        }

        return tables.Count == 1 ? tables[0] : FeatureTable.Concat(tables);
    }

    /// <summary>The requested families of a preprocessed ROI, in a fixed order (morphology, local intensity, statistics, histogram, IVH, texture).</summary>
    public static IReadOnlyList<FeatureValue> Compute(PreprocessedRoi roi, FeatureFamilies families, IProgress<FeatureExtractionProgress>? progress = null) =>
        Compute(roi, families, progress, offset: 0, total: families.ToKeys().Count);

    /// <summary>One family of a preprocessed ROI, with the time it took (for benchmarks).</summary>
    public static (IReadOnlyList<FeatureValue> Values, TimeSpan Elapsed) ComputeFamily(PreprocessedRoi roi, FeatureFamilies family)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var watch = Stopwatch.StartNew();
        var values = Family(roi, family)();
        return (values, watch.Elapsed);
    }

    private static IReadOnlyList<FeatureValue> Compute(PreprocessedRoi roi, FeatureFamilies families, IProgress<FeatureExtractionProgress>? progress, int offset, int total)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var steps = Enum.GetValues<FeatureFamilies>()
            .Where(f => f is not FeatureFamilies.None and not FeatureFamilies.All && (families & f) != 0)
            .ToArray();
        var results = new IReadOnlyList<FeatureValue>[steps.Length];
        int completed = offset;
        // Texture and morphology dominate; starting them first keeps both cores busy.
        var order = Enumerable.Range(0, steps.Length)
            .OrderBy(i => steps[i] switch { FeatureFamilies.Texture => 0, FeatureFamilies.Morphology => 1, _ => 2 })
            .ToArray();
        try
        {
            ParallelRows.For(0, order.Length, Parallelism.AllCores, k =>
            {
                int i = order[k];
                results[i] = Family(roi, steps[i])();
                int done = Interlocked.Increment(ref completed);
                progress?.Report(new FeatureExtractionProgress(steps[i].ToKeys()[0], done, total));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Callers expect the typed exception of the family that failed, not a wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return [.. results.SelectMany(r => r)];
    }

    private static Func<IReadOnlyList<FeatureValue>> Family(PreprocessedRoi roi, FeatureFamilies family) => family switch
    {
        FeatureFamilies.Morphology => () => MorphologyFeatures.Compute(roi.Roi),
        FeatureFamilies.LocalIntensity => () => LocalIntensity.Compute(roi.Roi),
        FeatureFamilies.IntensityStatistics => () => IntensityStatistics.Compute(roi.RoiIntensities),
        FeatureFamilies.IntensityHistogram => () => IntensityHistogram.Compute(roi.Discretised),
        FeatureFamilies.IntensityVolumeHistogram => () => IntensityVolumeHistogram.Compute(roi.IntensityVolumeHistogram),
        FeatureFamilies.Texture => () => TextureFeatures.Compute(roi.Discretised, roi.Settings.Texture),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Name exactly one feature family."),
    };
}
