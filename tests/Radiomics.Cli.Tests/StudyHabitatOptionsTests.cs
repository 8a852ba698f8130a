using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary><c>study</c>'s habitat options: the same strategy, supervoxel and N4 options as <c>habitats</c>, and the settings file's habitats section.</summary>
public class StudyHabitatOptionsTests
{
    [Fact]
    public void Study_takes_the_strategy_supervoxels_n4_and_voxel_features_of_the_settings_file()
    {
        using var tmp = new TempDirectory();
        var (manifest, _) = SyntheticCohort.Write(
            new SyntheticCohortSettings { Subjects = 2, TimePoints = 2, VolumeChangePerInterval = [0.1, -0.1], FollowUpMasksInManifest = true, Scan = new() { Size = new Size3(40, 40, 16) } },
            tmp.File("data"));
        string settings = tmp.File("settings.yaml");
        File.WriteAllText(settings, "families: [intensity_statistics]\nhabitats:\n  local_statistics: [mean, sd]\n");
        string output = tmp.File("out");
        var (code, text) = CliRunner.Run("study", manifest, "-o", output, "--no-registration", "-k", "2", "--strategy", "two-stage", "--supervoxels", "15", "--n4", "-p", settings);
        Assert.True(code == 0, text);
        var model = HabitatModel.Load(Path.Combine(output, "habitat_model.json"));
        Assert.Equal(HabitatStrategy.TwoStage, model.Training.Settings.Strategy);
        Assert.Equal(15, model.Training.Settings.Supervoxels.Count);
        Assert.NotNull(model.Training.Settings.BiasFieldCorrection);
        Assert.Equal(["intensity", "mean_box1vox", "sd_box1vox"], model.Channels);
        Assert.Equal(30, model.Training.Voxels);

        (code, text) = CliRunner.Run("study", manifest, "-o", tmp.File("few"), "--no-registration", "-k", "4", "--strategy", "two-stage", "--supervoxels", "3", "-p", settings);
        Assert.NotEqual(0, code);
        Assert.Contains("error:", text, StringComparison.Ordinal);
        Assert.Contains("time point t0", text, StringComparison.Ordinal);
        Assert.Contains("3 supervoxel(s)", text, StringComparison.Ordinal);
    }
}
