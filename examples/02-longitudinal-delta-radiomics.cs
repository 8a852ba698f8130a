#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:project ../src/Habitats/Radiomics.Habitats.csproj
#:project ../src/Longitudinal/Radiomics.Longitudinal.csproj
#:project ../src/Plotting/Radiomics.Plotting.csproj
#:property PublishAot=false
// The one source of notebooks/02-longitudinal-delta-radiomics.ipynb (tools/notebooks.cs writes it) and its
// file-based app twin: dotnet run examples/02-longitudinal-delta-radiomics.cs [-- OUTPUT_FOLDER]   (figures as HTML pages)
// %% [markdown]
// # Longitudinal delta-radiomics: register, propagate, extract, compare
//
// A patient scanned three times during treatment: the tumour shrinks, its necrotic core grows and its viable layer
// darkens, and the patient lies a little differently on the table each time. This notebook goes through the steps the
// study pipeline automates (notebook 04): register each follow-up with the baseline, carry the baseline mask onto the
// follow-up, extract IBSI features at every time point and compute how they changed.
//
// Build the toolkit first (`dotnet build src/Cli`), then run the cells top to bottom.

// %%
using System.IO;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Study;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;

// %% [app]
string output = args.Length > 0 ? args[0] : Path.Combine("out", "02-longitudinal-delta-radiomics");

// %% [markdown]
// ## A synthetic cohort
//
// `SyntheticCohort` writes NIfTI scans, masks and a manifest (`subject,timepoint,date,image,mask`) like those of a real
// study, plus the truth (volumes, habitat volumes, intensity changes) to check the results against. Loading the manifest
// validates every row (files exist, masks match their images' geometry) before any work starts.

// %%
var folder = Path.Combine(Path.GetTempPath(), "radiomics-notebook-02");
var (manifestPath, truth) = SyntheticCohort.Write(new SyntheticCohortSettings { Subjects = 2, TimePoints = 3, FollowUpMasksInManifest = true }, folder);
var (cohort, validation) = StudyManifest.Load(manifestPath);
Console.WriteLine($"{cohort.Subjects.Count} subjects, {cohort.TimePointCount} scans; problems: {validation.Problems.Count}");
foreach (var tp in cohort.Subjects[0].TimePoints)
{
    Console.WriteLine($"{cohort.Subjects[0].Id} {tp.Id}: day {tp.Day}, {Path.GetFileName(tp.ImagePath)}");
}

// %% [markdown]
// ## Register the last follow-up with the baseline
//
// SimpleITK's vocabulary: the follow-up is the **fixed** image, the baseline the **moving** one, so the transform maps
// follow-up points to baseline points and baseline masks can be pulled onto the follow-up grid. The default method is a
// centre-of-mass initialisation, an affine stage and a multi-resolution cubic B-spline stage with Mattes mutual
// information.

// %%
var subject = cohort.Subjects[0];
var baseline = ImageFile.Read<float>(subject.Baseline.ImagePath);
var followUp = ImageFile.Read<float>(subject.TimePoints[^1].ImagePath);
var baselineMask = ImageFile.ReadLabelMap(subject.Baseline.Masks["tumour"]);
var followUpMask = ImageFile.ReadLabelMap(subject.TimePoints[^1].Masks["tumour"]);

var registration = new DeformableRegistration(new DeformableRegistrationSettings());
var result = registration.Execute(followUp, baseline);
Console.WriteLine($"registered in {result.Elapsed.TotalSeconds:F1} s, final metric {result.MetricValue:F4}");

// %%
// Before: the baseline on the follow-up grid without any transform; after: through the registration.
var before = Resampler.Resample(baseline, AffineTransform.Identity, followUp.Geometry);
var after = Resampler.Resample(baseline, result.Transform, followUp.Geometry);
Show(RegistrationCheck.Difference(followUp, before, after), "difference");

// %%
Show(RegistrationCheck.Checkerboard(followUp, after), "checkerboard");

// %% [markdown]
// ## Carry the baseline mask onto the follow-up
//
// Per-label linear interpolation then arg-max keeps the mask's boundary smooth. Here the follow-up has its own mask,
// so the propagation can be scored (Dice). The Jacobian determinant of the transform measures the local volume change:
// it is the baseline volume per follow-up volume, so values above 1 inside the tumour mean it shrank.

// %%
var propagated = MaskPropagation.Propagate(baselineMask, result.Transform, followUp.Geometry, LabelInterpolation.LinearArgMax);
var jacobian = DisplacementField.JacobianDeterminant(result.Transform, followUp.Geometry);
var (minimum, maximum) = jacobian.Range();
Console.WriteLine($"Dice {Overlap.Dice(propagated, followUpMask):F3}; Jacobian determinant {minimum:F2} … {maximum:F2} (all > 0: no folding)");
Show(RegistrationCheck.JacobianDeterminant(jacobian, followUpMask), "jacobian");

// %% [markdown]
// ## Features at every time point
//
// One settings record for every scan: IBSI configuration C (re-segmentation to [−1000, 400] HU, fixed bin size 25 HU)
// on the scans' own grid. Each table is tagged with subject and time point, so the tables of a cohort simply concatenate.

// %%
var settings = FeaturePresets.ConfigC with { Resampling = null };
var tables = new List<FeatureTable>();
foreach (var s in cohort.Subjects)
{
    foreach (var tp in s.TimePoints)
    {
        var image = ImageFile.Read(tp.ImagePath);
        var mask = ImageFile.ReadLabelMap(tp.Masks["tumour"]);
        tables.Add(FeatureExtractor.Extract(image, mask, settings).WithSubject(s.Id).WithTimePoint(tp.Id).WithRegion("tumour"));
    }
}

var features = FeatureTable.Concat(tables);
Console.WriteLine($"{features.Count} feature values");
Show(features.Where(r => r.IbsiCode is "RNU0" or "Q4LE" or "QCFX").Wide());

// %% [markdown]
// ## Deltas
//
// Absolute change, relative change (%), log ratio against the baseline, and the least-squares slope per day over all
// time points, for every feature of every subject. The synthetic truth says what the volume change should be.

// %%
var deltas = DeltaTable.Compute(features, cohort.Days, DeltaTable.AllKinds);
foreach (var t in truth.Where(t => t.Day > 0))
{
    var measured = deltas.Find(t.Subject, "RNU0", t.TimePoint, DeltaKind.RelativePercent).Value;
    double trueChange = 100 * (t.TumourVolume / truth.First(b => b.Subject == t.Subject && b.Day == 0).TumourVolume - 1);
    Console.WriteLine($"{t.Subject} {t.TimePoint}: volume change {measured:+0.0;-0.0} % (truth {trueChange:+0.0;-0.0} %)");
}

// %%
Show(FeatureTrajectories.Create(features, "RNU0", cohort.Subjects[0].Days, percentChange: true)
    .WithTitle("Tumour volume (RNU0), change from baseline"), "volume-trajectories");

// %%
// Which features changed most by the last scan (mean relative change over the two subjects)?
var top = deltas.OfKind(DeltaKind.RelativePercent)
    .Where(r => r.TimePoint == "t2" && double.IsFinite(r.Value))
    .GroupBy(r => r.Aggregation.Length > 0 ? $"{r.Feature} ({r.Aggregation})" : r.Feature)
    .Select(g => (Label: g.Key, Delta: g.Average(r => r.Value)))
    .OrderByDescending(x => Math.Abs(x.Delta)).Take(15);
Show(DeltaWaterfall.Create(top, title: "Largest relative changes at the last scan"), "largest-changes");

// %%
deltas.WriteCsv(Path.Combine(folder, "deltas.csv"));
Console.WriteLine($"{deltas.Rows.Count} delta rows written to {Path.Combine(folder, "deltas.csv")}");


// %% [app]
// The app's Show: figures become HTML pages in the output folder, anything else is printed.
void Show(object value, string name = "") => PageOutput.Show(value, name, output);
