#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:project ../src/Habitats/Radiomics.Habitats.csproj
#:project ../src/Longitudinal/Radiomics.Longitudinal.csproj
#:project ../src/Plotting/Radiomics.Plotting.csproj
#:property PublishAot=false
// The one source of notebooks/03-habitats.ipynb (tools/notebooks.cs writes it) and its file-based app twin:
// dotnet run examples/03-habitats.cs [-- OUTPUT_FOLDER]   (figures as HTML pages, plotly.js embedded)
// %% [markdown]
// # Tumour habitats: voxel feature maps, k-means, habitat maps that hold across patients and time
//
// A habitat is a sub-region of a tumour with a distinct local phenotype. Here: compute voxel-wise features over small
// neighbourhoods, choose the number of clusters, fit one k-means model on the pooled voxels of several scans, and apply
// it to any scan so that habitat 2 means the same phenotype everywhere. A phantom with three planted sub-regions of
// known intensity and texture tells whether the habitats are right.
//
// Build the toolkit first (`dotnet build src/Cli`), then run the cells top to bottom.

// %%
using System.IO;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Synthetic;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;

// %% [app]
string output = args.Length > 0 ? args[0] : Path.Combine("out", "03-habitats");

// %% [markdown]
// ## A phantom with planted sub-regions
//
// Three slabs of a spherical tumour: dark and smooth, mid-grey and heterogeneous, bright and smooth.

// %%
var (image, mask, truth) = HabitatPhantom.Create();
Show(SliceViewer.Create(image, truth, new SliceViewerSettings { Title = "Planted sub-regions", OverlayName = "sub-region", OverlayOpacity = 0.45 }), "planted-sub-regions");

// %% [markdown]
// ## Voxel feature maps
//
// Each tumour voxel gets its intensity and the local mean, standard deviation and median over a ball of radius 1 voxel (sliding-window
// updates, not a recomputation per voxel). The map is a multi-channel image on the scan's grid; it can be written as
// NIfTI (`map.Write(path)`).

// %%
var kernel = StructuringElement.Ball(1, RadiusUnit.Voxels);
IVoxelFeature[] voxelFeatures =
[
    new IntensityFeature(),
    new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Kernel = kernel, Statistics = [LocalStatistic.Mean, LocalStatistic.StandardDeviation, LocalStatistic.Median] }),
];
var map = VoxelFeatureMaps.Compute(image, mask, voxelFeatures);
Console.WriteLine($"{map.RegionVoxels().Length} voxels × {map.ChannelNames.Count} channels: {string.Join(", ", map.ChannelNames)}");

// %% [markdown]
// ## How many habitats?
//
// k-means for k = 2…6 on the standardised voxel features, each scored by inertia (elbow), silhouette (on a sample),
// Calinski–Harabasz (higher is better) and Davies–Bouldin (lower is better).

// %%
var x = map.ToMatrix();
var z = StandardScaler.Fit(x).Transform(x);
var selection = ClusterCountSelection.Evaluate(z, new ClusterCountSelectionSettings { MinClusters = 2, MaxClusters = 6, KMeans = new KMeansSettings { Seed = 0 } });
int best = selection.Best(ClusterCountCriterion.Silhouette);
Console.WriteLine($"best k by silhouette: {best}");
Show(KSelectionCurves.Create(selection.Scores, best), "k-selection");

// %% [markdown]
// ## One model for a cohort
//
// Fit on the pooled voxels of several scans (sub-sampled per scan so large tumours do not dominate), with the habitats
// numbered by mean intensity, then predict the habitats of any scan. Agreement with the planted sub-regions is measured
// by the adjusted Rand index (1 = identical partitions).

// %%
var scans = Enumerable.Range(1, 3).Select(seed => HabitatPhantom.Create(new HabitatPhantomSettings { Seed = seed })).ToList();
var maps = scans.Select(s => VoxelFeatureMaps.Compute(s.Image, s.Mask, voxelFeatures)).ToList();
var model = HabitatModel.Fit(maps, new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3, Seed = 0 }, MaxVoxelsPerScan = 20_000 });
var habitats = model.Predict(map);

int[] Inside(LabelMap labels) => [.. Enumerable.Range(0, mask.Voxels.Length).Where(i => mask.Voxels[i] != 0).Select(i => (int)labels.Voxels[i])];
Console.WriteLine($"adjusted Rand index against the planted sub-regions: {ClusteringMetrics.AdjustedRandScore(Inside(truth), Inside(habitats)):F3}");

// %%
string[] names = ["dark, smooth", "heterogeneous", "bright, smooth"];
Show(SliceViewer.Create(image, habitats, new SliceViewerSettings { Title = "Habitats", OverlayName = "habitat", LabelNames = names, OverlayOpacity = 0.5 }), "habitats");

// %%
Show(HabitatMap3D.Create(habitats, names, maxPoints: 6000, title: "Habitats in 3D"), "habitats-3d");

// %% [markdown]
// ## Habitat measures
//
// Volume, fraction and number of connected components per habitat, the entropy of the fractions and a spatial mixing
// index (how much the habitats interleave).

// %%
var summary = HabitatSummary.Compute(habitats, model.HabitatCount);
foreach (var h in summary.Habitats)
{
    Console.WriteLine($"habitat {h.Habitat} ({names[h.Habitat - 1]}): {h.VolumeMm3 / 1000:F1} mL, {h.Fraction:P1}, {h.Components} component(s)");
}

Console.WriteLine($"fraction entropy {summary.FractionEntropy:F2} bits, spatial mixing index {summary.SpatialMixingIndex:F3}");

// %% [markdown]
// ## Habitats over time
//
// The same model applied to a later scan of the same patient: the necrotic core grew and the viable layer darkened.
// (The two scans share their grid here; with real follow-ups, register first and carry the baseline habitats across, as
// the study pipeline does.) The transition matrix counts where each baseline habitat's voxels went.

// %%
var baselineScan = SyntheticScan.Create(new SyntheticScanSettings { NoiseSeed = 1 });
var followUpScan = SyntheticScan.Create(new SyntheticScanSettings { NoiseSeed = 2, CoreFraction = 0.5, ViableIntensity = 45 });
var scanModel = HabitatModel.Fit([VoxelFeatureMaps.Compute(baselineScan.Image, baselineScan.Tumour, voxelFeatures)],
    new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3, Seed = 0 } });
var before = scanModel.Predict(VoxelFeatureMaps.Compute(baselineScan.Image, baselineScan.Tumour, voxelFeatures));
var after = scanModel.Predict(VoxelFeatureMaps.Compute(followUpScan.Image, followUpScan.Tumour, voxelFeatures));
var transitions = HabitatTransitions.Compute(before, after, scanModel.HabitatCount);
Console.WriteLine($"voxels keeping their habitat: {transitions.Stability:P1}");
Show(HabitatSankey.Create([transitions], ["baseline", "follow-up"], ["necrotic core", "viable", "enhancing rim"]), "transitions");

// %% [markdown]
// ## Save and reuse the model
//
// The model (channels, scaler, centres, order) is a small JSON file: fit once on a training cohort, apply everywhere.

// %%
var path = Path.Combine(Path.GetTempPath(), "radiomics-notebook-03", "habitat_model.json");
model.Save(path);
var reloaded = HabitatModel.Load(path);
Show(reloaded.Predict(map).Voxels.SequenceEqual(habitats.Voxels));


// %% [app]
// The app's Show: figures become HTML pages in the output folder, anything else is printed.
void Show(object value, string name = "") => PageOutput.Show(value, name, output);
