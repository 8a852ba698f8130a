#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:project ../src/Habitats/Radiomics.Habitats.csproj
#:project ../src/Longitudinal/Radiomics.Longitudinal.csproj
#:project ../src/Plotting/Radiomics.Plotting.csproj
#:property PublishAot=false
// The one source of notebooks/04-treatment-response-study.ipynb (tools/notebooks.cs writes it) and its file-based app
// twin: dotnet run examples/04-treatment-response-study.cs [-- OUTPUT_FOLDER]   (figures as HTML pages, plotly.js embedded)
// %% [markdown]
// # A treatment-response study, end to end
//
// Four patients scanned three times during treatment. The study pipeline registers every follow-up with the baseline,
// carries the baseline masks across (scoring them with Dice where a follow-up has its own mask), extracts IBSI features
// at every time point, fits one habitat model on the cohort, and tabulates feature deltas, the Jacobian volume change,
// habitat fractions and habitat transitions. Feature stability under small mask perturbations (ICC) tells which
// features to trust. This is what `radiomics study manifest.csv -o outdir` and `radiomics demo` run.
//
// Build the toolkit first (`dotnet build src/Cli`), then run the cells top to bottom (about half a minute on 2 cores).

// %%
using System.IO;
using Radiomics.Features;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Stability;
using Radiomics.Longitudinal.Study;
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;

// %% [app]
string output = args.Length > 0 ? args[0] : Path.Combine("out", "04-treatment-response-study");

// %% [markdown]
// ## The cohort
//
// Responders shrink (−25 % and −15 % per interval), a stable patient barely changes and a progressing one grows; in
// responders the necrotic core grows and the viable layer darkens. Every scan is taken with the patient repositioned.

// %%
var folder = Path.Combine(Path.GetTempPath(), "radiomics-notebook-04");
var (manifestPath, truth) = SyntheticCohort.Write(new SyntheticCohortSettings { Subjects = 4, TimePoints = 3, FollowUpMasksInManifest = true }, Path.Combine(folder, "data"));
var (cohort, validation) = StudyManifest.Load(manifestPath);
Console.WriteLine(File.ReadAllText(manifestPath));

// %% [markdown]
// ## Run the study
//
// One settings record says everything: IBSI configuration C features on the scans' own grid, the default deformable
// registration, three habitats from intensity and local statistics, and stability from five mask perturbations. The
// output folder can be resumed (finished subjects are skipped) and split into shards for a cluster.

// %%
var settings = new StudySettings
{
    Features = FeaturePresets.ConfigC with { Resampling = null },
    Habitats = new HabitatStudySettings().WithClusters(3),
    Stability = new StabilitySettings(),
};
var result = StudyPipeline.Run(cohort, validation, settings, Path.Combine(folder, "study"), new StudyRunOptions { Force = true });
Console.WriteLine($"{result.Computed.Count} subjects in {result.Elapsed.TotalSeconds:F0} s; tables in {result.Layout.Root}");
foreach (var r in result.Registrations)
{
    Console.WriteLine($"{r.Subject} {r.TimePoint}: {r.Seconds:F1} s, Dice {r.Dice:F3}, Jacobian volume change {r.JacobianVolumeRatio - 1:+0.0%;-0.0%}, mask volume change {r.MaskVolumeRatio - 1:+0.0%;-0.0%}");
}

// %% [markdown]
// ## Response
//
// Relative change of the tumour volume (mesh volume, IBSI RNU0) at the last scan, with RECIST-like thresholds
// (−30 % partial response, +20 % progression) for orientation, and the trajectories over time.

// %%
var volume = result.Deltas.OfKind(DeltaKind.RelativePercent).Where(r => r.IbsiCode == "RNU0").ToList();
var last = volume.GroupBy(r => r.Subject).Select(g => g.MaxBy(r => r.Day)!).ToList();
Show(DeltaWaterfall.Create(last.Select(r => (r.Subject, r.Value)), "volume change at the last scan (%)", [-30, 20], "Best response: volume change per patient"), "best-response");

// %%
Show(FeatureTrajectories.Create(result.Features.Where(r => r.Region == "tumour"), "RNU0", cohort.Subjects[0].Days, percentChange: true)
    .WithTitle("Tumour volume, change from baseline"), "volume-trajectories");

// %% [markdown]
// ## Which features can be trusted?
//
// ICC(2,1) (two-way random effects, absolute agreement) across mask erosion, dilation and small shifts, per feature over
// the four patients. The synthetic patients are nearly alike at baseline, so the between-patient variance is small and
// most ICCs are low: with four patients the estimates are rough. In a real cohort use all subjects, or test–retest scans.
// Features at or above 0.75 are kept in `features_stable.csv`.

// %%
var repeats = FeatureTable.Concat(cohort.Subjects.Select(s => FeatureTable.ReadCsv(result.Layout.SubjectStabilityRepeats(s.Id))));
var stability = StabilityTable.FromRepeats(repeats);
var finite = stability.Rows.Where(r => double.IsFinite(r.IccAbsoluteAgreement)).ToList();
Console.WriteLine($"{finite.Count(r => r.IsStable(0.75))} of {finite.Count} features with ICC(2,1) ≥ 0.75");
Show(Chart.Violin(finite.Select(r => r.IccAbsoluteAgreement).ToArray(), finite.Select(r => r.Family).ToArray())
    .WithTitle("ICC(2,1) under mask perturbations, per family").WithYAxis("ICC(2,1)"), "stability");

// %%
// Correlation of stable features' relative changes across follow-ups: redundant features move together.
var stableCodes = finite.Where(r => r.IsStable(0.75) && r.Aggregation.Length == 0 && r.Family is "morphology" or "intensity_statistics")
    .Select(r => r.Feature).Distinct().Take(12).ToHashSet();
var changes = result.Deltas.OfKind(DeltaKind.RelativePercent).Where(r => stableCodes.Contains(r.Feature) && r.Aggregation.Length == 0 && r.Family != "habitat")
    .GroupBy(r => r.Feature).Where(g => g.All(r => double.IsFinite(r.Value))).ToList();
Show(CorrelationHeatmap.Create(changes.Select(g => g.Key).ToList(), changes.Select(g => g.OrderBy(r => r.Subject).ThenBy(r => r.TimePoint).Select(r => r.Value).ToArray()).ToList())
    .WithTitle("Spearman correlation of relative changes (stable features)"), "change-correlations");

// %% [markdown]
// ## Habitats over time
//
// Habitat fractions per scan (1 = darkest, the necrotic core) and where each baseline habitat's voxels went by the last
// scan, pooled over patients. Responders convert viable tissue into necrotic core.

// %%
var fractions = result.Features.Where(r => r.Family == "habitat" && r.Feature == "Fraction");
foreach (var g in fractions.GroupBy(r => (r.Subject, r.TimePoint)))
{
    Console.WriteLine($"{g.Key.Subject} {g.Key.TimePoint}: " + string.Join("  ", g.OrderBy(r => r.Variant).Select(r => $"{r.Variant} {r.Value:P0}")));
}

// %%
int k = result.Transitions.Max(t => t.ToHabitat);
var counts = new long[k + 1, k + 1];
foreach (var t in result.Transitions.Where(t => t.ToTimePoint == "t2"))
{
    counts[t.FromHabitat, t.ToHabitat] += t.Voxels;
}

double voxelVolume = result.Transitions.Sum(t => t.VolumeMm3) / result.Transitions.Sum(t => t.Voxels);
Show(HabitatSankey.Create([counts], voxelVolume, ["baseline", "t2"], ["necrotic core", "viable", "enhancing rim"])
    .WithTitle("Habitat transitions, baseline → t2, all patients"), "transitions");

// %% [markdown]
// ## Where the tumour changed: delta voxel maps
//
// Each baseline tumour voxel is followed through the registration to where its tissue is at the follow-up. Per
// baseline habitat (0 = the whole tumour): how much of its tissue is left (the Jacobian-corrected volume) and how its
// intensity changed. The maps themselves lie beside the habitat maps, on the baseline grid.

// %%
foreach (var r in result.DeltaVoxels.Where(r => r.FollowUp == "t2"))
{
    Console.WriteLine($"{r.Subject} habitat {r.Habitat}: {r.BaselineVolumeMm3 / 1000:F1} → {r.TrackedVolumeMm3 / 1000:F1} cm³ ({r.VolumeChange:+0%;-0%}), mean change {r.MeanDifference:+0.0;-0.0} HU");
}

var delta = ImageFile.Read<float>(result.Layout.SubjectMap(cohort.Subjects[0].Id, "t2", "delta"));
Show(Chart.Slice(delta).WithTitle($"{cohort.Subjects[0].Id}: intensity change baseline → t2 (HU), baseline frame"), "delta-map");

// %% [markdown]
// ## Per-habitat features
//
// Every IBSI feature of the settings is computed inside each habitat as well (`habitat_features.csv`), and its change
// habitat by habitat (`habitat_deltas.csv`); `result.HabitatFeatures.ToDataFrame()` gives the table as a DataFrame with
// Radiomics.Interop. Here each habitat's mean intensity, baseline → t2.

// %%
foreach (var r in result.HabitatDeltas.Rows.Where(r => r.Delta is { IbsiCode: "Q4LE", Kind: DeltaKind.Absolute, TimePoint: "t2" }))
{
    Console.WriteLine($"{r.Delta.Subject} habitat {r.Habitat}: mean {r.Delta.Baseline:F0} → {r.Delta.FollowUp:F0} HU ({Math.Round(r.Delta.Value):+0;-0;0} HU)");
}

// %% [markdown]
// ## Against the truth
//
// The synthetic cohort knows the true tumour volumes: the measured changes should be within a few percent.

// %%
foreach (var t in truth.Where(t => t.Day > 0))
{
    double trueChange = 100 * (t.TumourVolume / truth.First(b => b.Subject == t.Subject && b.Day == 0).TumourVolume - 1);
    double measured = result.Deltas.Find(t.Subject, "RNU0", t.TimePoint, DeltaKind.RelativePercent).Value;
    Console.WriteLine($"{t.Subject} {t.TimePoint}: volume change {measured:+0.0;-0.0} % (truth {trueChange:+0.0;-0.0} %)");
}

Show(result.Features.Where(r => r.IbsiCode is "RNU0" or "Q4LE").Wide());


// %% [app]
// The app's Show: figures become HTML pages in the output folder, anything else is printed.
void Show(object value, string name = "") => PageOutput.Show(value, name, output);
