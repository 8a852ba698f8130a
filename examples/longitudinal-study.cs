#:project ../src/Longitudinal/Radiomics.Longitudinal.csproj
#:property PublishAot=false
// A longitudinal study from a manifest: dotnet run examples/longitudinal-study.cs [-- manifest.csv]
// Without arguments it writes a small synthetic treatment-response cohort first (3 patients × 3 scans).
using Radiomics.Features;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;

string manifest = args.Length > 0
    ? args[0]
    : SyntheticCohort.Write(new SyntheticCohortSettings { Subjects = 3 }, "out/example-cohort").ManifestPath;

var (cohort, problems) = StudyManifest.Load(manifest);
var settings = new StudySettings
{
    Features = FeaturePresets.ConfigC with { Resampling = null },
    Habitats = new HabitatStudySettings().WithClusters(3),
};
var result = StudyPipeline.Run(cohort, problems, settings, "out/example-study",
    progress: new Progress<StudyProgress>(p => Console.WriteLine($"{p.Subject}: {p.Step}")));

foreach (var delta in result.Deltas.OfKind(DeltaKind.RelativePercent).Where(d => d.IbsiCode == "RNU0"))
{
    Console.WriteLine($"{delta.Subject} {delta.TimePoint}: tumour volume {delta.Value:+0.0;-0.0} %");
}

foreach (var r in result.Registrations)
{
    string check = double.IsNaN(r.Dice) ? "mask propagated from baseline" : $"Dice of the propagated mask {r.Dice:F3}";
    Console.WriteLine($"{r.Subject} {r.TimePoint}: registered in {r.Seconds:F1} s, Jacobian volume change {r.JacobianVolumeRatio - 1:+0.0%;-0.0%}, {check}");
}

Console.WriteLine($"Tables in {result.Layout.Root}");
