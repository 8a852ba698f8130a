using Radiomics.Numerics;
using System.Diagnostics;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;

// Tuning harness: dotnet run -c Release -- PAIRDIR [threads] [key=value ...] | PAIRDIR threads profile
//                 | cohort [threads] [seed=N] [key=value ...]   (the demo cohort's Jacobian volume changes against the planted ones)
string pair = args[0];
int threads = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
if (args.Length > 2 && args[2] == "profile")
{
    Profile.Run(pair, threads);
    return;
}

var clock = Stopwatch.StartNew();
var opts = args.Skip(2).Select(a => a.Split('=')).Where(a => a.Length == 2).ToDictionary(a => a[0], a => a[1]);
double[] L(string k, string d) => (opts.TryGetValue(k, out var v) ? v : d).Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
int[] I(string k, string d) => L(k, d).Select(x => (int)x).ToArray();
MetricSettings M(string k) => (opts.TryGetValue(k, out var v) ? v : "mi") switch { "mse" => MetricSettings.MeanSquares, "ncc" => MetricSettings.Correlation, _ => MetricSettings.MattesMutualInformation((int)L("bins", "32")[0]) };
// The cohort mode starts from the study's settings (finer grid, dense refinement), a pair from register's.
var defaults = pair == "cohort" ? DeformableRegistrationSettings.ForVolumeChange : new DeformableRegistrationSettings();
var settings = new DeformableRegistrationSettings
{
    NumberOfThreads = threads,
    Affine = defaults.Affine! with
    {
        ShrinkFactors = L("as", "4"),
        Metric = M("am"),
        Optimiser = defaults.Affine!.Optimiser with { NumberOfIterations = I("ai", "60") },
    },
    Deformable = defaults.Deformable! with
    {
        ShrinkFactors = L("bs", "4,2,1"),
        GridSpacing = L("grid", defaults.Deformable!.GridSpacing.ToString(System.Globalization.CultureInfo.InvariantCulture))[0],
        GridSpacingSchedule = L("sched", "4,2,1"),
        SamplingPercentage = L("samp", "1,0.5,0.25"),
        MinimumSamples = (long)L("minsamp", defaults.Deformable!.MinimumSamples.ToString(System.Globalization.CultureInfo.InvariantCulture))[0],
        BendingEnergyWeight = L("bend", "0.01")[0],
        Metric = M("bm"),
        Optimiser = defaults.Deformable!.Optimiser with { NumberOfIterations = I("bi", "80,40,20") },
    },
    Dense = L("di", pair == "cohort" ? "40" : "0")[0] == 0 ? null : new DenseRefinementSettings
    {
        Iterations = I("di", "40")[0], // the study turns the refinement on, register leaves it off
        MaximumStep = L("dstep", "0.25")[0],
        FluidSigma = L("dfluid", pair == "cohort" ? "1.5" : "1")[0],
        ElasticSigma = L("delastic", "0.5")[0],
        WindowRadius = L("dwin", "1")[0],
        Diffeomorphic = L("dsvf", "0")[0] != 0,
    },
};
if (pair == "cohort")
{
    Cohort.Run(settings, threads, I("seed", "7")[0], L("expand", "1")[0] != 0);
    return;
}

var fixedImage = ImageFile.Read(Path.Combine(pair, "followup.nii.gz"));
var movingImage = ImageFile.Read(Path.Combine(pair, "baseline.nii.gz"));
var reg = new DeformableRegistration(settings);
var result = reg.Execute(fixedImage, movingImage);
var parallel = new Parallelism(threads);
var field = result.DisplacementField(parallel);
string outDir = Path.Combine(pair, "ours");
Directory.CreateDirectory(outDir);
ImageFile.Write(field, Path.Combine(outDir, "displacement.nii.gz"));
double seconds = clock.Elapsed.TotalSeconds;
var mask = ImageFile.ReadLabelMap(Path.Combine(pair, "baseline_mask.nii.gz"));
var propagated = MaskPropagation.Propagate(mask, new DisplacementFieldTransform(field), fixedImage.Geometry, parallelism: parallel);
ImageFile.Write(propagated, Path.Combine(outDir, "propagated_mask.nii.gz"));
foreach (var l in result.Levels)
{
    Console.WriteLine($"{l.Stage,-8} L{l.Level} {l.FixedSize,-12} it {l.Iterations,4} ev {l.Evaluations,4} E {l.MetricValue:F5} {l.StopReason,-20} {l.Elapsed.TotalSeconds:F2}s");
}

var jac = DisplacementField.JacobianDeterminant(field, parallel);
var (jmin, jmax) = jac.Range();
Console.WriteLine($"total {seconds:F2}s cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2}s register {result.Elapsed.TotalSeconds:F2}s jacobian [{jmin:F3}, {jmax:F3}]");
// The scoring script of the shared folder (TOOLKIT_SHARED_DIR, else shared/ beside the repository).
string shared = Environment.GetEnvironmentVariable("TOOLKIT_SHARED_DIR") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared"));
var psi = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(shared, "bench/longitudinal/evaluate.py"), pair, Path.Combine(outDir, "propagated_mask.nii.gz"), Path.Combine(outDir, "displacement.nii.gz"), "--seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
using var p = Process.Start(psi)!;
p.WaitForExit();
