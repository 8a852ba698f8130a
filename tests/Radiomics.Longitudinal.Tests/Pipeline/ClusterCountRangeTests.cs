using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

/// <summary>k chosen on the cohort's baselines (<see cref="HabitatStudySettings.ClusterCount"/>), one- and two-stage.</summary>
public class ClusterCountRangeTests
{
    [Fact]
    public void The_chosen_k_is_fitted_on_the_same_rows_as_a_fixed_k_and_gives_the_same_model()
    {
        using var tmp = new TempDirectory();
        var (cohort, _, _) = StudyFixture.Write(tmp.File("data"), StudyFixture.Cohort with { TimePoints = 2 });
        var ranged = new HabitatStudySettings { ClusterCount = new ClusterCountRange(2, 4, ClusterCountCriterion.CalinskiHarabasz) };
        var (model, selection) = CohortHabitatModel.FitWithSelection(cohort, ranged, "tumour");
        Assert.NotNull(selection);
        Assert.Equal([2, 3, 4], selection.Scores.Select(s => s.K));
        Assert.Equal(selection.Best(ClusterCountCriterion.CalinskiHarabasz), model.HabitatCount);
        var fixedK = CohortHabitatModel.Fit(cohort, new HabitatStudySettings().WithClusters(model.HabitatCount), "tumour");
        Assert.Equal(fixedK.Centres.Values.ToArray(), model.Centres.Values.ToArray());

        var (_, none) = CohortHabitatModel.FitWithSelection(cohort, new HabitatStudySettings(), "tumour");
        Assert.Null(none);
    }

    [Fact]
    public void Two_stage_chooses_k_on_the_baselines_supervoxel_means()
    {
        using var tmp = new TempDirectory();
        var (cohort, _, _) = StudyFixture.Write(tmp.File("data"), StudyFixture.Cohort with { TimePoints = 2 });
        var settings = new HabitatStudySettings
        {
            Model = HabitatStudySettings.DefaultModel with { Strategy = HabitatStrategy.TwoStage, Supervoxels = new SupervoxelSettings { Count = 20 } },
            ClusterCount = new ClusterCountRange(2, 5),
        };
        var (model, selection) = CohortHabitatModel.FitWithSelection(cohort, settings, "tumour");
        Assert.Equal(4, selection!.Scores.Count);
        Assert.Equal(selection.Best(ClusterCountCriterion.Silhouette), model.HabitatCount);
        Assert.Equal(HabitatStrategy.TwoStage, model.Training.Settings.Strategy);
        Assert.Equal(20 * cohort.Subjects.Count, model.Training.Voxels);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 2)]
    [InlineData(3, 3)]
    [InlineData(2, 256)]
    public void A_range_outside_2_to_255_or_of_one_k_is_refused(int min, int max)
    {
        var e = Assert.Throws<StudyException>(() => new ClusterCountRange(min, max).Validate());
        Assert.Contains($"{min}..{max}", e.Message, StringComparison.Ordinal);
    }
}
