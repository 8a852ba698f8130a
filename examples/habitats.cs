#:project ../src/Habitats/Radiomics.Habitats.csproj
#:property PublishAot=false
// Tumour habitats fitted on several scans and applied to a new one: dotnet run examples/habitats.cs
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Synthetic;

IVoxelFeature[] features =
[
    new IntensityFeature(),
    new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Kernel = StructuringElement.Box(1, RadiusUnit.Voxels), Statistics = [LocalStatistic.Mean] }),
];

// Three patients' baseline tumours: the voxel feature maps, pooled, define the habitats (k-means, k = 3).
var maps = Enumerable.Range(1, 3).Select(seed =>
{
    var scan = SyntheticScan.Create(new SyntheticScanSettings { AnatomySeed = seed, NoiseSeed = seed });
    return VoxelFeatureMaps.Compute(scan.Image, scan.Tumour, features);
}).ToList();
var model = HabitatModel.Fit(maps, new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3, Seed = 0 }, MaxVoxelsPerScan = 20_000 });
model.Save("habitat_model.json");

// A new scan of a responding tumour: its necrotic core has grown. Habitat 1 means the same phenotype as above.
var followUp = SyntheticScan.Create(new SyntheticScanSettings { AnatomySeed = 1, NoiseSeed = 9, CoreFraction = 0.6, ViableIntensity = 50 });
var habitats = model.Predict(VoxelFeatureMaps.Compute(followUp.Image, followUp.Tumour, features));
var summary = HabitatSummary.Compute(habitats, model.HabitatCount);
foreach (var h in summary.Habitats)
{
    Console.WriteLine($"habitat {h.Habitat}: {h.VolumeMm3 / 1000:F1} mL ({h.Fraction:P0}), {h.Components} component(s)");
}

Console.WriteLine($"fraction entropy {summary.FractionEntropy:F2} bits, spatial mixing index {summary.SpatialMixingIndex:F2}");
Console.WriteLine($"agreement with the planted sub-regions: adjusted Rand index {ClusteringMetrics.AdjustedRandScore(Inside(followUp.Habitats, followUp.Tumour), Inside(habitats, followUp.Tumour)):F3}");

static int[] Inside(LabelMap labels, LabelMap region)
{
    var result = new List<int>();
    for (int i = 0; i < region.Voxels.Length; i++)
    {
        if (region.Voxels[i] != 0)
        {
            result.Add(labels.Voxels[i]);
        }
    }

    return [.. result];
}
