using Radiomics.Features;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.Processing.Normalisation;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

/// <summary>The study's habitat stage set by the habitat model's own settings record: strategy, N4, voxel features, Nyúl per channel.</summary>
public class HabitatStudySettingsTests
{
    [Fact]
    public void Two_stage_study_records_its_strategy_and_voxel_features_and_maps_every_scan()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(tmp.File("data"), StudyFixture.Cohort with { TimePoints = 2 });
        var features = new VoxelFeatureSettings { LocalStatistics = ["mean", "sd"] };
        var habitats = new HabitatStudySettings
        {
            Model = HabitatStudySettings.DefaultModel with { Strategy = HabitatStrategy.TwoStage, Supervoxels = new SupervoxelSettings { Count = 20 }, VoxelFeatures = features },
        };
        var result = StudyPipeline.Run(cohort, report, StudyFixture.Quick with { Habitats = habitats }, tmp.File("out"));
        var model = HabitatModel.Load(result.Layout.HabitatModel);
        Assert.Equal(HabitatStrategy.TwoStage, model.Training.Settings.Strategy);
        Assert.Equal(40, model.Training.Voxels);
        Assert.Equal(["mean", "sd"], model.Training.Settings.VoxelFeatures!.LocalStatistics);
        Assert.Equal(["intensity", "mean_box1vox", "sd_box1vox"], model.Channels);
        Assert.Equal(4, result.Features.Count(r => r.Family == HabitatFeatureRows.Family && r.Feature == "Fraction" && r.Variant == "habitat 1"));
    }

    [Fact]
    public void More_habitats_than_a_baselines_supervoxels_names_the_subject_and_time_point()
    {
        using var tmp = new TempDirectory();
        var (cohort, report, _) = StudyFixture.Write(tmp.File("data"), StudyFixture.Cohort with { TimePoints = 2 });
        var habitats = new HabitatStudySettings().WithClusters(4);
        habitats = habitats with { Model = habitats.Model with { Strategy = HabitatStrategy.TwoStage, Supervoxels = new SupervoxelSettings { Count = 3 } } };
        var e = Assert.Throws<ClusteringException>(() => StudyPipeline.Run(cohort, report, StudyFixture.Quick with { Habitats = habitats }, tmp.File("out")));
        Assert.Contains("P01, time point t0", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 habitats", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void N4_is_recorded_in_the_model_and_changes_the_settings_hash()
    {
        using var tmp = new TempDirectory();
        var (cohort, _, _) = StudyFixture.Write(tmp.File("data"), StudyFixture.Cohort with { TimePoints = 2 });
        var habitats = new HabitatStudySettings { Model = HabitatStudySettings.DefaultModel with { BiasFieldCorrection = new Processing.BiasField.N4Settings() } };
        var model = CohortHabitatModel.Fit(cohort, habitats, "tumour");
        Assert.NotNull(HabitatModel.FromJson(model.ToJson()).Training.Settings.BiasFieldCorrection);
        Assert.NotEqual(
            StudyPipeline.SettingsHash(StudyFixture.Quick with { Habitats = habitats }),
            StudyPipeline.SettingsHash(StudyFixture.Quick with { Habitats = new HabitatStudySettings() }));
    }

    [Fact]
    public void Nyul_is_fitted_per_channel_on_multi_parametric_baselines_and_saved_with_the_model()
    {
        using var tmp = new TempDirectory();
        var (manifest, _) = SyntheticMultiChannelCohort.Write(
            new SyntheticMultiChannelCohortSettings { Subjects = 2, FollowUps = 0, FieldOfView = new Vec3(64, 64, 40), TumourRadius = (11, 14), Seed = 5 }, tmp.File("data"));
        var (cohort, _) = StudyManifest.Load(manifest);
        var habitats = new HabitatStudySettings { Model = HabitatStudySettings.DefaultModel with { Normalisation = NormalisationSettings.Nyul() } }.WithClusters(4);
        var model = HabitatModel.FromJson(CohortHabitatModel.Fit(cohort, habitats, "tumour", channelRegistration: null).ToJson());
        var perChannel = model.Training.Settings.ChannelNormalisations!;
        Assert.Equal(["ADC", "T2"], perChannel.Keys.Order(StringComparer.Ordinal));
        Assert.All(perChannel.Values, n => Assert.Equal(NormalisationMethod.Nyul, n.Method));
        Assert.All(perChannel.Values, n => Assert.NotNull(n.StandardLandmarks));
        Assert.NotEqual(perChannel["T2"].StandardLandmarks, perChannel["ADC"].StandardLandmarks);
        Assert.Contains("T2.intensity", model.Channels);
        Assert.Contains("ADC.intensity", model.Channels);
    }
}
