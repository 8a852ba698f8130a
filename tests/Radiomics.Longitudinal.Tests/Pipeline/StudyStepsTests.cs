using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

public class StudyStepsTests
{
    [Fact]
    public void Steps_run_as_separate_jobs_write_the_tables_of_one_run()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(tmp.File("data"));
        var settings = StudyFixture.Quick with { Habitats = new HabitatStudySettings() };
        var whole = StudyPipeline.Run(cohort, report, settings, tmp.File("whole"));

        var steps = tmp.File("steps");
        StudySteps.Validate(cohort, report, steps);
        Assert.Equal(["P01", "P02"], File.ReadAllLines(new StudyLayout(steps).SubjectList));
        StudySteps.FitHabitatModel(cohort, report, settings, steps);
        var model = new StudyLayout(steps).HabitatModel;
        foreach (var subject in new[] { "P02", "P01" })
        {
            // Each job with its own thread count: the settings hash, and the numbers, do not depend on it.
            var job = StudyPipeline.Run(cohort, report, settings with { Threads = subject == "P01" ? 1 : 2 }, steps,
                new StudyRunOptions { Subjects = [subject], HabitatModelPath = model, WriteTables = false });
            Assert.Equal([subject], job.Computed);
            Assert.False(File.Exists(job.Layout.Features));
        }

        var tables = StudySteps.WriteTables(settings, steps, report);
        Assert.Equal(["P01", "P02"], tables.Resumed);
        foreach (var file in new[] { "features.csv", "features_wide.csv", "deltas.csv", "habitat_transitions.csv", "habitat_model.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole.Layout.Root, file)), File.ReadAllText(Path.Combine(steps, file)));
        }

        Assert.Contains(tables.Features, r => r.Family == "habitat" && r.Feature == "Fraction");
    }

    [Fact]
    public void Streamed_cohort_model_equals_the_model_fitted_on_every_baseline_map()
    {
        using var tmp = new TempDirectory();
        var (cohort, _, _) = StudyFixture.Write(tmp.File("data"));
        var habitats = new HabitatStudySettings { Model = HabitatStudySettings.DefaultModel with { MaxVoxelsPerScan = 500 } };
        var streamed = CohortHabitatModel.Fit(cohort, habitats, "tumour");

        var maps = cohort.Subjects.Select(s => HabitatVoxelFeatures.Map(
            [("", ImageFile.Read<float>(s.Baseline.ImagePath))],
            LabelMap.Threshold(ImageFile.ReadLabelMap(s.Baseline.Masks["tumour"]).Image, v => v != 0),
            habitats.Model,
            s.Id)).ToList();
        var pooled = HabitatModel.Fit(maps, habitats.Model);
        Assert.Equal(pooled.Centres.Values.ToArray(), streamed.Centres.Values.ToArray());
        Assert.Equal(1000, streamed.Training.Voxels);

        // The cohort bound lowers each baseline's share: 2 baselines × 300 voxels.
        var bounded = CohortHabitatModel.Fit(cohort, habitats with { MaxVoxelsInFit = 600 }, "tumour");
        Assert.Equal(600, bounded.Training.Voxels);
        Assert.Equal(300, bounded.Training.Settings.MaxVoxelsPerScan);
    }

    [Fact]
    public void Validation_with_problems_stops_unless_keep_going_and_lists_only_the_valid_subjects()
    {
        using var tmp = new TempDirectory();
        StudyFixture.Write(tmp.File("data"));
        var manifest = tmp.File("data/manifest.csv");
        File.AppendAllText(manifest, "P03,t0,2025-01-06,missing.nii.gz,P01_t0_tumour.nii.gz,tumour\n");
        var (cohort, report) = Radiomics.Longitudinal.Study.StudyManifest.Load(manifest);
        var error = Assert.Throws<StudyException>(() => StudySteps.Validate(cohort, report, tmp.File("strict")));
        Assert.Contains("missing.nii.gz", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(new StudyLayout(tmp.File("strict")).SubjectList));

        var lenient = StudySteps.Validate(cohort, report, tmp.File("lenient"), keepGoing: true);
        Assert.Contains(lenient.Errors, p => p.Subject == "P03");
        Assert.Equal(["P01", "P02"], File.ReadAllLines(new StudyLayout(tmp.File("lenient")).SubjectList));
        Assert.Contains("missing.nii.gz", File.ReadAllText(new StudyLayout(tmp.File("lenient")).Validation), StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_without_finished_subjects_is_a_clear_error()
    {
        using var tmp = new TempDirectory();
        var error = Assert.Throws<StudyException>(() => StudySteps.WriteTables(StudyFixture.Quick, tmp.File("empty")));
        Assert.Contains("No subject is finished", error.Message, StringComparison.Ordinal);
    }
}
