using Radiomics.Numerics;
using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Study;
using Radiomics.Longitudinal.Transforms;

/// <summary>
/// The demo cohort's registration check: each follow-up of the synthetic cohort registered with its baseline, the
/// Jacobian volume ratio over the tumour next to the planted volume ratio, and the
/// smallest det J over the whole grid (folding). Growth is measured on the baseline-fixed map, as the study does
/// (<see cref="JacobianVolumeChange"/>; key expand=0 measures every follow-up on its own registration).
/// </summary>
internal static class Cohort
{
    public static void Run(DeformableRegistrationSettings settings, int threads, int seed, bool expanding)
    {
        string? keep = Environment.GetEnvironmentVariable("COHORT_KEEP");
        string folder = keep ?? Path.Combine(Path.GetTempPath(), $"registration-bench-cohort-{Environment.ProcessId}");
        try
        {
            var (_, truth) = SyntheticCohort.Write(new SyntheticCohortSettings { Seed = seed }, folder);
            var parallel = new Parallelism(threads);
            var registration = new DeformableRegistration(settings);
            double worst = 0, seconds = 0, minimum = double.PositiveInfinity;
            foreach (var subject in truth.GroupBy(t => t.Subject))
            {
                var baseline = subject.First();
                var baseImage = ImageFile.Read(Path.Combine(folder, $"{baseline.Subject}_{baseline.TimePoint}.nii.gz"));
                var baseMask = ImageFile.ReadLabelMap(Path.Combine(folder, baseline.TumourMaskPath));
                foreach (var now in subject.Skip(1))
                {
                    var image = ImageFile.Read(Path.Combine(folder, $"{now.Subject}_{now.TimePoint}.nii.gz"));
                    var mask = ImageFile.ReadLabelMap(Path.Combine(folder, now.TumourMaskPath));
                    var clock = Stopwatch.StartNew();
                    var result = registration.Execute(image, baseImage);
                    seconds += clock.Elapsed.TotalSeconds;
                    var jacobian = DisplacementField.JacobianDeterminant(result.Transform, image.Geometry, parallel);
                    double truthRatio = now.TumourVolume / baseline.TumourVolume;
                    double forward = JacobianVolumeChange.FromFollowUp(jacobian.Voxels, mask.Voxels);
                    var (ratio, map) = JacobianVolumeChange.Measure(registration, jacobian.Voxels, mask, baseImage, image, baseMask, expanding, parallel);
                    if (map == JacobianMap.BaselineToFollowUp)
                    {
                        Console.Write($"[growth: baseline-fixed map; follow-up-fixed map {100 * (forward - truthRatio),5:F1} pp] ");
                    }

                    var carried = Radiomics.Longitudinal.Propagation.MaskPropagation.Propagate(baseMask, result.Transform, image.Geometry, Radiomics.Longitudinal.Resampling.LabelInterpolation.LinearArgMax, parallel);
                    if (keep is not null)
                    {
                        ImageFile.Write(carried, Path.Combine(folder, $"{now.Subject}_{now.TimePoint}_carried.nii.gz"));
                        ImageFile.Write(result.DisplacementField(parallel), Path.Combine(folder, $"{now.Subject}_{now.TimePoint}_u.nii.gz"));
                    }

                    double carriedRatio = (double)carried.Count(1) / baseMask.Count(1);
                    var (jmin, _) = jacobian.Range();
                    minimum = Math.Min(minimum, jmin);
                    worst = Math.Max(worst, Math.Abs(ratio - truthRatio));
                    Console.WriteLine($"{now.Subject} {now.TimePoint}: true {100 * (truthRatio - 1),6:F1} %  Jacobian {100 * (ratio - 1),6:F1} %  error {100 * (ratio - truthRatio),5:F1} pp  min det J {jmin:F3}  {clock.Elapsed.TotalSeconds:F1} s  carried mask {100 * (carriedRatio - 1),6:F1} % error {100 * (carriedRatio - truthRatio),5:F1} pp");
                }
            }

            Console.WriteLine($"worst error {100 * worst:F1} pp, min det J {minimum:F3}, registration {seconds:F1} s in all");
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
