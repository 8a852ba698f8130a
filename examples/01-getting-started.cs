#:package Microsoft.Data.Analysis
#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:project ../src/Habitats/Radiomics.Habitats.csproj
#:project ../src/Plotting/Radiomics.Plotting.csproj
#:project ../src/Interop/Radiomics.Interop.csproj
#:property PublishAot=false
// The one source of notebooks/01-getting-started.ipynb (tools/notebooks.cs writes it) and its file-based app twin:
// dotnet run examples/01-getting-started.cs [-- OUTPUT_FOLDER]   (figures as HTML pages, plotly.js embedded)
// %% [markdown]
// # Getting started: load, view, extract
//
// A synthetic CT-like scan with a tumour of three nested habitats (necrotic core, viable layer, enhancing rim) stands in
// for your data. Build the toolkit first (`dotnet build src/Cli`), then run the cells top to bottom.

// %%
using System.IO;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Synthetic;
using Radiomics.Features;
using Radiomics.Processing;
using Radiomics.Tables;
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;
using Microsoft.Data.Analysis;
using Radiomics.Interop;

// %% [app]
string output = args.Length > 0 ? args[0] : Path.Combine("out", "01-getting-started");

// %% [markdown]
// ## Load
//
// Write the synthetic scan and its masks as NIfTI, then read them back as you would read your own files. Readers check
// the header before allocating and name the file and the problem when something is wrong.

// %%
var scan = SyntheticScan.Create();
var folder = Path.Combine(Path.GetTempPath(), "radiomics-getting-started");
ImageFile.Write(scan.Image, Path.Combine(folder, "ct.nii.gz"));
ImageFile.Write(scan.Tumour, Path.Combine(folder, "tumour.nii.gz"));
ImageFile.Write(scan.Habitats, Path.Combine(folder, "habitats.nii.gz"));

Image<float> ct = ImageFile.Read<float>(Path.Combine(folder, "ct.nii.gz"));
LabelMap tumour = ImageFile.ReadLabelMap(Path.Combine(folder, "tumour.nii.gz"));
LabelMap habitats = ImageFile.ReadLabelMap(Path.Combine(folder, "habitats.nii.gz"));
tumour.Geometry.EnsureMatches(ct.Geometry, "tumour mask vs CT");
Show(ct.Geometry);

// %%
Console.WriteLine($"tumour: {tumour.Count(1)} voxels, {tumour.Count(1) * ct.Geometry.VoxelVolume / 1000:F1} mL");
Console.WriteLine($"intensity range: {ct.Range()}");

// %% [markdown]
// ## View
//
// One slice in one call (the middle axial slice, millimetre axes, a robust grey window); then the slice viewer, which
// crops to the mask, keeps the true aspect ratio and starts on the slice with the largest tumour area.

// %%
Show(Chart.Slice(ct), "middle-slice");

// %%
Show(SliceViewer.Create(ct, tumour, new SliceViewerSettings { Title = "CT with tumour mask", OverlayName = "tumour" }), "tumour");

// %%
Show(SliceViewer.Create(ct, habitats, new SliceViewerSettings
{
    Title = "Ground-truth habitats",
    OverlayName = "habitat",
    LabelNames = ["necrotic core", "viable", "enhancing rim"],
    OverlayOpacity = 0.6,
}), "habitats");

// %%
Show(HabitatMap3D.Create(habitats, ["necrotic core", "viable", "enhancing rim"], maxPoints: 8000, title: "Habitats in 3D"), "habitats-3d");

// %% [markdown]
// ## Extract features
//
// IBSI 1 features of the tumour with a fixed bin width of 25 HU: morphology, local intensity, intensity statistics,
// intensity histogram, intensity-volume histogram and the six texture families (3D, averaged and merged over the 13
// directions).

// %%
var settings = new FeatureSettings
{
    Discretisation = DiscretisationSettings.FixedBinSize(25),
    Families = FeatureFamilies.All,
};
FeatureTable features = FeatureExtractor.Extract(ct, tumour, settings).WithSubject("synthetic-01").WithTimePoint("baseline");
Console.WriteLine($"{features.Count} feature values");
Show(features.Family("glcm"));

// %%
// A few values by IBSI code: volume (RNU0), sphericity (QCFX), mean intensity (Q4LE).
Show((Volume: features.Value("RNU0"), Sphericity: features.Value("QCFX"), Mean: features.Value("Q4LE")));

// %%
var csv = Path.Combine(folder, "features.csv");
features.WriteCsv(csv);
Console.WriteLine($"written {csv}");
Show(features.Wide());

// %% [markdown]
// ## As a DataFrame
//
// `ToDataFrame()` (`Radiomics.Interop`) turns any toolkit table into a `Microsoft.Data.Analysis.DataFrame`, with the
// columns of the CSV files, for grouping, filtering and joining (the first cell loads the package from NuGet; the
// kernel displays DataFrames as HTML tables).

// %%
// Texture features only, then the mean and count of the values per family and aggregation.
DataFrame df = features.ToDataFrame();
var texture = df.Filter(df["family"].ElementwiseNotEquals("morphology"));
var byFamily = texture.GroupBy("family").Count();
Console.WriteLine($"{df.Rows.Count} rows, {texture.Rows.Count} outside morphology, {byFamily.Rows.Count} families");
Show(byFamily);

// %% [markdown]
// ## Habitat features
//
// The same extraction per habitat gives one row per region; a correlation heatmap across the three regions is the
// start of a feature-redundancy check (with real cohorts, use many more observations).

// %%
string[] names = ["necrotic core", "viable", "enhancing rim"];
var perHabitat = FeatureTable.Concat(
    Enumerable.Range(1, 3).Select(h =>
        FeatureExtractor.Extract(ct, habitats.Select((byte)h), settings with { Families = FeatureFamilies.IntensityStatistics })
            .WithSubject("synthetic-01").WithRegion(names[h - 1])));
var mean = perHabitat.Where(r => r.IbsiCode == "Q4LE").ToList();
Show(Chart.Bar(mean.Select(r => r.Region).ToArray(), mean.Select(r => r.Value).ToArray())
    .WithTitle("Mean intensity per habitat")
    .WithYAxis("HU"), "mean-intensity-per-habitat");

// %% [app]
// The app's Show: figures become HTML pages in the output folder, anything else is printed.
void Show(object value, string name = "") => PageOutput.Show(value, name, output);
