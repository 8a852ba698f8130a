using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

public class StudyPipelineTests
{
    [Fact]
    public void Planted_volume_change_and_viable_to_core_transition_are_recovered()
    {
        using var tmp = new TempDirectory();
        // The demo's grid (1 × 1 × 2.5 mm): registration needs the resolution to follow a 44 % shrinkage.
        var (cohort, report, truth) = StudyFixture.Write(Path.Combine(tmp.Path, "data"), StudyFixture.Cohort with { Scan = new() });
        var settings = StudyFixture.Quick with { Registration = new(), Habitats = new() };
        var result = StudyPipeline.Run(cohort, report, settings, Path.Combine(tmp.Path, "out"));

        Assert.Empty(result.Failed);
        foreach (var now in truth.Where(t => t.TimePoint != "t0"))
        {
            var baseline = truth.Single(t => t.Subject == now.Subject && t.TimePoint == "t0");
            double trueRatio = now.TumourVolume / baseline.TumourVolume;
            double measured = 1 + (result.Deltas.Find(now.Subject, "RNU0", now.TimePoint, DeltaKind.RelativePercent).Value / 100);
            Assert.True(Math.Abs(measured / trueRatio - 1) <= 0.03, $"{now.Subject} {now.TimePoint}: volume ratio {measured:F3}, truth {trueRatio:F3}");
            double trueMean = now.TumourMeanIntensity - baseline.TumourMeanIntensity;
            Assert.Equal(trueMean, result.Deltas.Find(now.Subject, "Q4LE", now.TimePoint, DeltaKind.Absolute).Value, 1.0);

            var registration = result.Registrations.Single(r => r.Subject == now.Subject && r.TimePoint == now.TimePoint);
            Assert.True(registration.Dice > 0.9, $"{now.Subject} {now.TimePoint}: propagated mask Dice {registration.Dice:F3}");
            Assert.True(Math.Abs(registration.JacobianVolumeRatio / trueRatio - 1) < 0.1, $"{now.Subject} {now.TimePoint}: Jacobian volume ratio {registration.JacobianVolumeRatio:F3}, truth {trueRatio:F3}");
            Assert.True(registration.MinimumJacobian > 0, "the deformation folds inside the tumour");
            Assert.True(registration.GridMinimumJacobian > 0 && registration.FoldedVolumeMm3 == 0, $"{now.Subject} {now.TimePoint}: folds ({registration.FoldedVolumeMm3} mm³, min det J {registration.GridMinimumJacobian:F3})");
        }

        // The responder's viable layer darkens and its core grows: much of baseline habitat 2 becomes habitat 1;
        // the progressor's habitats stay put.
        double ViableToCore(string subject) =>
            result.Transitions.Single(t => t.Subject == subject && t.ToTimePoint == "t2" && t.FromHabitat == 2 && t.ToHabitat == 1).FractionOfFrom;
        Assert.True(ViableToCore("P01") > 0.3, $"responder viable→core {ViableToCore("P01"):P0}");
        Assert.True(ViableToCore("P02") < 0.15, $"progressor viable→core {ViableToCore("P02"):P0}");
        // The same transitions as typed matrices, one per subject and follow-up, with the follow-up's voxel volume.
        var matrices = result.TransitionMatrices();
        Assert.Equal(result.Registrations.Count, matrices.Count);
        var responder = matrices.Single(m => m.Subject == "P01" && m.ToTimePoint == "t2").Transitions;
        Assert.Equal(ViableToCore("P01"), responder.Probability(2, 1), 12);
        Assert.Equal(1 * 1 * 2.5, responder.VoxelVolume, 9);

        // Delta voxel maps: the baseline tumour followed through the registration. Its Jacobian-corrected volume is the
        // inverse map's estimate of the registration's volume change, and the habitats partition it. A growing tumour's
        // Jacobian volume change comes from a second registration (baseline fixed), so only a shrinking one's is the same map's.
        Assert.Equal(
            truth.Where(t => t.TimePoint != "t0").Select(t => (t.Subject, t.TimePoint, t.TumourVolume > truth.Single(b => b.Subject == t.Subject && b.TimePoint == "t0").TumourVolume)),
            result.Registrations.Select(r => (r.Subject, r.TimePoint, r.JacobianMap == Radiomics.Longitudinal.Registration.JacobianMap.BaselineToFollowUp)));
        foreach (var registration in result.Registrations)
        {
            var rows = result.DeltaVoxels.Where(r => r.Subject == registration.Subject && r.FollowUp == registration.TimePoint).ToList();
            Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Habitat));
            Assert.Equal(rows[0].Voxels, rows.Skip(1).Sum(r => r.Voxels));
            Assert.Equal(rows[0].TrackedVolumeMm3, rows.Skip(1).Sum(r => r.TrackedVolumeMm3), 1e-6 * rows[0].TrackedVolumeMm3);
            Assert.True(registration.JacobianMap == Radiomics.Longitudinal.Registration.JacobianMap.BaselineToFollowUp || Math.Abs(rows[0].TrackedVolumeMm3 / rows[0].BaselineVolumeMm3 / registration.JacobianVolumeRatio - 1) < 0.03,
                $"{registration.Subject} {registration.TimePoint}: tracked volume ratio {rows[0].TrackedVolumeMm3 / rows[0].BaselineVolumeMm3:F3}, Jacobian volume ratio {registration.JacobianVolumeRatio:F3}");
        }

        // The responder's viable habitat darkens (−12 HU per interval, and part of it turns necrotic); the progressor's keeps its intensity.
        double ViableChange(string subject) => result.DeltaVoxels.Single(r => r.Subject == subject && r.FollowUp == "t2" && r.Habitat == 2).MeanDifference;
        // Habitats cut from the noisy baseline regress towards the tissue mean at the follow-up, so compare the responder
        // with the progressor (no planted change) rather than with zero: the planted darkening is 24 HU by t2.
        Assert.True(ViableChange("P01") - ViableChange("P02") < -24, $"viable habitat change: responder {ViableChange("P01"):F1} HU, progressor {ViableChange("P02"):F1} HU");
        Assert.Equal(result.DeltaVoxels.Count, Radiomics.Longitudinal.DeltaMaps.DeltaVoxelRecord.ReadCsv(result.Layout.DeltaVoxels).Count);

        // Slopes: the responder shrinks, the progressor grows.
        Assert.True(result.Deltas.Find("P01", "RNU0", "t2", DeltaKind.SlopePerDay).Value < 0);
        Assert.True(result.Deltas.Find("P02", "RNU0", "t2", DeltaKind.SlopePerDay).Value > 0);
        foreach (var file in new[] { "features.csv", "features_wide.csv", "deltas.csv", "registration.csv", "habitat_transitions.csv", "study.json", "habitat_model.json" })
        {
            Assert.True(File.Exists(Path.Combine(result.Layout.Root, file)), file);
        }
    }

    [Fact]
    public void The_study_result_carries_the_stability_repeats_and_their_table()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"));
        var result = StudyPipeline.Run(cohort, report, StudyFixture.Quick with { Stability = new Radiomics.Longitudinal.Stability.StabilitySettings() }, Path.Combine(tmp.Path, "out"));

        Assert.Empty(result.Failed);
        Assert.Equal(cohort.Subjects.Select(s => s.Id).Order(), result.StabilityRepeats.Select(r => r.Subject).Distinct().Order());
        Assert.NotNull(result.Stability);
        Assert.Equal(Radiomics.Longitudinal.Stability.StabilityTable.ReadCsv(result.Layout.Stability).Rows.Count, result.Stability!.Rows.Count);
        Assert.Contains(result.Stability.Rows, r => r.IbsiCode == "RNU0" && r.Subjects == 2 && r.Repeats == 5 && r.IccConsistency > 0.5);
    }

    [Fact]
    public void Features_in_the_baseline_frame_measure_the_baseline_region_of_each_follow_up()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, truth) = StudyFixture.Write(Path.Combine(tmp.Path, "data"), StudyFixture.Cohort with { Subjects = 1, TimePoints = 2, Scan = new() });
        var settings = StudyFixture.Quick with { Registration = new(), FeaturesInBaselineFrame = true };
        var result = StudyPipeline.Run(cohort, report, settings, Path.Combine(tmp.Path, "out"));
        // Same region at both time points: no volume change, and the shrunken tumour's former rim now holds
        // surrounding tissue, so the region's mean intensity falls well below the tumour's own mean change.
        Assert.Equal(0, result.Deltas.Find("P01", "YEKZ", "t1", DeltaKind.Absolute).Value);
        var own = truth[1].TumourMeanIntensity - truth[0].TumourMeanIntensity;
        Assert.True(result.Deltas.Find("P01", "Q4LE", "t1", DeltaKind.Absolute).Value < own - 5);
    }

    [Fact]
    public void Interrupted_run_resumes_without_recomputing_finished_subjects()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"));
        var output = Path.Combine(tmp.Path, "out");
        using var cancel = new CancellationTokenSource();
        var progress = new Synchronous(p =>
        {
            if (p.Subject == "P02")
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => StudyPipeline.Run(cohort, report, StudyFixture.Quick, output, progress: progress, cancellation: cancel.Token));
        var layout = new StudyLayout(output);
        Assert.True(File.Exists(layout.SubjectDone("P01")));
        Assert.False(File.Exists(layout.SubjectDone("P02")));
        var first = File.ReadAllText(layout.SubjectFeatures("P01"));
        var stamp = File.GetLastWriteTimeUtc(layout.SubjectFeatures("P01"));

        var result = StudyPipeline.Run(cohort, report, StudyFixture.Quick, output);
        Assert.Equal(["P01"], result.Resumed);
        Assert.Equal(["P02"], result.Computed);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(layout.SubjectFeatures("P01")));
        Assert.Equal(first, File.ReadAllText(layout.SubjectFeatures("P01")));
        var table = FeatureTable.ReadCsv(layout.Features);
        Assert.Equal(["P01", "P02"], table.Select(r => r.Subject).Distinct().Order());
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp*", SearchOption.AllDirectories));

        // Other settings make the finished subjects stale.
        var changed = StudyPipeline.Run(cohort, report, StudyFixture.Quick with { Features = StudyFixture.Quick.Features with { RoundInputIntensities = true } }, output);
        Assert.Equal(["P01", "P02"], changed.Computed);
    }

    [Fact]
    public void Bad_manifest_row_is_reported_with_its_line_and_keep_going_runs_the_rest()
    {
        using var tmp = new TempDirectory();
        var (_, _, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"));
        var manifest = Path.Combine(tmp.Path, "data", "manifest.csv");
        File.AppendAllText(manifest, "P03,t0,2025-01-06,missing.nii.gz,P01_t0_tumour.nii.gz,tumour\n");
        var lines = File.ReadAllLines(manifest).Length;
        var (cohort, report) = Radiomics.Longitudinal.Study.StudyManifest.Load(manifest);

        var error = Assert.Throws<StudyException>(() => StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "strict")));
        Assert.Contains($"line {lines}", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.nii.gz", error.Message, StringComparison.Ordinal);

        var result = StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "lenient"), new StudyRunOptions { KeepGoing = true });
        Assert.Contains(result.Validation.Errors, p => p.Line == lines && p.Subject == "P03");
        Assert.Equal(["P01", "P02"], result.Computed);
    }

    [Fact]
    public void Shards_merged_equal_one_run()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"));
        var whole = StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "whole"));
        var one = StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "s1"), new StudyRunOptions { Shard = (1, 2) });
        var two = StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "s2"), new StudyRunOptions { Shard = (2, 2) });
        Assert.Single(one.Computed);
        Assert.Single(two.Computed);
        Assert.NotEqual(one.Computed, two.Computed);

        var target = new StudyLayout(Path.Combine(tmp.Path, "merged"));
        var (features, deltas, _, _) = StudyTables.Merge([new StudyLayout(Path.Combine(tmp.Path, "s1")), new StudyLayout(Path.Combine(tmp.Path, "s2"))], target, DeltaTable.AllKinds);
        Assert.Equal(whole.Features.Select(r => r.ToString()), features.Select(r => r.ToString()));
        Assert.Equal(whole.Deltas.ToCsv(), deltas.ToCsv());
        Assert.Equal(File.ReadAllText(whole.Layout.Deltas), File.ReadAllText(target.Deltas));

        // Merging a subject twice is refused.
        Assert.Throws<StudyException>(() => StudyTables.Merge([new StudyLayout(Path.Combine(tmp.Path, "s1")), new StudyLayout(Path.Combine(tmp.Path, "whole"))], target, DeltaTable.AllKinds));
    }

    [Fact]
    public void Follow_up_without_mask_and_without_registration_is_a_clear_subject_error()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(Path.Combine(tmp.Path, "data"), StudyFixture.Cohort with { FollowUpMasksInManifest = false, TimePoints = 2 });
        var error = Assert.Throws<StudyException>(() => StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "out")));
        Assert.Contains("registration is off", error.Message, StringComparison.Ordinal);
        var result = StudyPipeline.Run(cohort, report, StudyFixture.Quick, Path.Combine(tmp.Path, "out"), new StudyRunOptions { KeepGoing = true });
        Assert.Equal(2, result.Failed.Count);
    }

    private sealed class Synchronous(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
