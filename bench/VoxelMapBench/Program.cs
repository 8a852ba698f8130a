using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Radiomics.Features;
using Radiomics.Features.PyRadiomics;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Synthetic;

// Voxel feature maps over the ~100 000-voxel tumour of a synthetic scan; prints one JSON line per configuration with
// the median time of several runs after a warm-up and the region voxels per second.
// usage: dotnet run -c Release --project bench/VoxelMapBench [-- RUNS [NAME-FILTER | native]]
//        dotnet run -c Release --project bench/VoxelMapBench -- --scan IMAGE MASK [RUNS]   (a real scan: see ScanBench)
if (args is ["--scan", var scanImage, var scanMask, ..])
{
    ScanBench.Run(scanImage, scanMask, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5);
    return;
}

int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
string filter = args.Length > 1 ? args[1] : "";
var (image, mask) = SyntheticTumour.Create(new SyntheticTumourSettings
{
    Size = new Size3(128, 128, 64),
    Spacing = Vec3.One,
    Radii = new Vec3(32, 28, 27),
});
int regionVoxels = mask.Count(1);

(string Name, IVoxelFeature Feature)[] configurations =
[
    ("first-order default 8 statistics, box r=1 voxel, masked", new LocalFirstOrderFeatures()),
    ("all 16 statistics, box r=1 voxel, masked", new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = Enum.GetValues<LocalStatistic>() })),
    ("all 16 statistics, box r=1 voxel, unmasked", new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = Enum.GetValues<LocalStatistic>(), MaskedKernel = false })),
    ("all 16 statistics, ball r=1 voxel, masked", new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = Enum.GetValues<LocalStatistic>(), Kernel = StructuringElement.Ball(1, RadiusUnit.Voxels) })),
    ("moments only (mean, sd, skewness, kurtosis), box r=1 voxel", new LocalFirstOrderFeatures(new LocalFirstOrderSettings
    {
        Statistics = [LocalStatistic.Mean, LocalStatistic.StandardDeviation, LocalStatistic.Skewness, LocalStatistic.Kurtosis],
    })),
    ("all 16 statistics, ball r=3 mm (123 voxels), masked", new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = Enum.GetValues<LocalStatistic>(), Kernel = StructuringElement.Ball(3) })),
    ("GLCM 5 features (3D merged), box r=1 voxel, FBN 16, masked", new LocalGlcmFeatures()),
    ("GLCM all 25 features, box r=1 voxel, FBN 32, masked", new LocalGlcmFeatures(new LocalGlcmSettings
    {
        Features = [.. Radiomics.Features.Texture.GlcmFeatures.Definitions.Select(d => d.Code)],
        Discretisation = DiscretisationSettings.FixedBinNumber(32),
    })),
    ("first-order 8 statistics + GLCM 5 features, box r=1 voxel", new CombinedFeature([new LocalFirstOrderFeatures(), new LocalGlcmFeatures()])),
    ("NGTDM all 5 features, box r=1 voxel, FBN 16, masked", new LocalNgtdmFeatures()),
    ("NGTDM all 5 features, box r=2 voxels, FBN 16, masked", new LocalNgtdmFeatures(new LocalTextureSettings { Radius = 2 })),
    ("NGLDM all 17 features, box r=1 voxel, FBN 16, masked", new LocalNgldmFeatures()),
    ("NGLDM all 17 features, box r=2 voxels, FBN 16, masked", new LocalNgldmFeatures(new LocalTextureSettings { Radius = 2 })),
    ("GLRLM all 16 features (3D merged), box r=1 voxel, FBN 16, masked", new LocalGlrlmFeatures()),
    ("GLRLM all 16 features (3D merged), box r=2 voxels, FBN 16, masked", new LocalGlrlmFeatures(new LocalTextureSettings { Radius = 2 })),
    ("GLSZM all 16 features (3D), box r=1 voxel, FBN 16, masked", new LocalGlszmFeatures()),
    ("GLSZM all 16 features (3D), box r=2 voxels, FBN 16, masked", new LocalGlszmFeatures(new LocalTextureSettings { Radius = 2 })),
    .. Aggregations(),
    .. PyRadiomicsClasses(),
];

// NAME-FILTER "native" runs our own kernels only (PyRadiomics' voxel-based classes take minutes); "aggregations" the
// 2D, 2.5D and by-direction local texture maps only.
foreach (var (name, feature) in configurations.Where(c => filter switch
{
    "native" => !c.Name.StartsWith("PyRadiomics", StringComparison.Ordinal),
    "aggregations" => c.Name.Contains("aggregation", StringComparison.Ordinal),
    _ => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase),
}))
{
    VoxelFeatureMaps.Compute(image, mask, [feature]);
    var times = new List<double>();
    for (int r = 0; r < runs; r++)
    {
        var sw = Stopwatch.StartNew();
        VoxelFeatureMaps.Compute(image, mask, [feature]);
        times.Add(sw.Elapsed.TotalSeconds);
    }

    times.Sort();
    double median = times[times.Count / 2];
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["configuration"] = name,
        ["channels"] = feature.ChannelNames.Count,
        ["region_voxels"] = regionVoxels,
        ["threads"] = Environment.ProcessorCount,
        ["median_seconds"] = Math.Round(median, 4),
        ["voxels_per_second"] = Math.Round(regionVoxels / median),
    }));
}

// Every local texture family with all its features under the 2D (in-plane square kernel), 2.5D and by-direction
// aggregations, r = 1 and 2, 16 bins, masked kernel.
static IEnumerable<(string Name, IVoxelFeature Feature)> Aggregations() =>
    from family in new[] { "glcm", "glrlm", "glszm", "ngldm", "ngtdm" }
    from aggregation in new[] { TextureAggregation.Averaged2D, TextureAggregation.Merged25D, TextureAggregation.Averaged3D }
    where aggregation != TextureAggregation.Averaged3D || family is "glcm" or "glrlm"
    from radius in new[] { 1, 2 }
    let feature = LocalTextureFamilies.Create(family, new LocalTextureSettings { Radius = radius, Aggregation = aggregation })
    select ($"{family.ToUpperInvariant()} all {feature.ChannelNames.Count} features, aggregation {aggregation.ToIbsiString()}, box r={radius} voxel{(radius > 1 ? "s" : "")}, FBN 16, masked", feature);

// PyRadiomics' voxel-based maps of every class (all its features), cube kernel of radius 1 and 2, 16 bins, masked kernel.
static IEnumerable<(string Name, IVoxelFeature Feature)> PyRadiomicsClasses() =>
    from radius in new[] { 1, 2 }
    from featureClass in new[] { "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm" }
    select ($"PyRadiomics {featureClass} all features, cube r={radius} voxel{(radius > 1 ? "s" : "")}, FBN 16, masked", (IVoxelFeature)new PyRadiomicsVoxelFeature(new PyRadiomicsSettings
    {
        BinCount = 16,
        FeatureClasses = [new PyRadiomicsFeatureClass(featureClass, [])],
        Voxel = new PyRadiomicsVoxelSettings { KernelRadius = radius },
    }));

/// <summary>Several sources timed as one map, as a habitat study computes them.</summary>
internal sealed class CombinedFeature(IVoxelFeature[] parts) : IVoxelFeature
{
    public IReadOnlyList<string> ChannelNames { get; } = [.. parts.SelectMany(p => p.ChannelNames)];

    public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        int offset = 0;
        foreach (var part in parts)
        {
            part.Compute(image, region, [.. output.Skip(offset).Take(part.ChannelNames.Count)], progress);
            offset += part.ChannelNames.Count;
        }
    }

    public Index3? Margin(ImageGeometry geometry)
    {
        var margins = parts.Select(p => p.Margin(geometry)).ToArray();
        return margins.Any(m => m is null) ? null
            : new Index3(margins.Max(m => m!.Value.X), margins.Max(m => m!.Value.Y), margins.Max(m => m!.Value.Z));
    }
}
