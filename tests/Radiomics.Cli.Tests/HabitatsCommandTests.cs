using System.Globalization;
using Radiomics.Habitats.Model;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

public class HabitatsCommandTests
{
    private static (string Image, string Mask) WritePhantom(TempDirectory dir, string name, int seed)
    {
        var (image, mask, _) = HabitatPhantom.Create(new HabitatPhantomSettings { Seed = seed });
        string imagePath = dir.File($"{name}.nii.gz"), maskPath = dir.File($"{name}_mask.nii.gz");
        ImageFile.Write(image, imagePath);
        ImageFile.Write(mask, maskPath);
        return (imagePath, maskPath);
    }

    [Fact]
    public void Habitats_chooses_k_fits_on_pooled_voxels_and_writes_maps_tables_and_model()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "patient1", 1);
        var b = WritePhantom(dir, "patient2", 2);
        string output = dir.File("out");
        var (code, text) = CliRunner.Run(
            "habitats", "--images", a.Image, b.Image, "--masks", a.Mask, b.Mask, "-k", "2..4", "-o", output, "--max-voxels-per-scan", "3000");
        Assert.True(code == 0, text);

        var selection = File.ReadAllLines(Path.Combine(output, "k_selection.csv"));
        Assert.Equal("k,inertia,silhouette,calinski_harabasz,davies_bouldin,stability,gap,gap_error,chosen,criterion", selection[0]);
        Assert.Equal(4, selection.Length);
        int chosen = selection.Skip(1).Select(l => l.Split(',')).Single(p => p[8] == "1")[0] is var kText ? int.Parse(kText, CultureInfo.InvariantCulture) : 0;
        Assert.Equal(3, chosen);

        var model = HabitatModel.Load(Path.Combine(output, "habitat_model.json"));
        Assert.Equal(3, model.HabitatCount);
        Assert.Equal(6000, model.Training.Voxels);

        var mask = ImageFile.ReadLabelMap(a.Mask);
        var habitats = ImageFile.ReadLabelMap(Path.Combine(output, "patient1_habitats.nii.gz"));
        Assert.True(habitats.Geometry.Matches(mask.Geometry));
        for (int i = 0; i < mask.Voxels.Length; i++)
        {
            Assert.Equal(mask.Voxels[i] != 0, habitats.Voxels[i] != 0);
        }

        var measures = File.ReadAllLines(Path.Combine(output, "habitat_measures.csv"));
        Assert.Equal("scan,image,habitat,voxels,volume_mm3,fraction,components", measures[0]);
        Assert.Equal(1 + (2 * 3), measures.Length);
        double fractions = measures.Skip(1).Where(l => l.StartsWith("patient1,", StringComparison.Ordinal))
            .Sum(l => double.Parse(l.Split(',')[5], CultureInfo.InvariantCulture));
        Assert.Equal(1.0, fractions, 9);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "habitat_heterogeneity.csv")).Length);
        Assert.Contains("3 habitats", text, StringComparison.Ordinal);

        // Applying the saved model to a scan reproduces its habitat map.
        string again = dir.File("again");
        var (code2, text2) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "--model", Path.Combine(output, "habitat_model.json"), "-o", again);
        Assert.True(code2 == 0, text2);
        Assert.Equal(habitats.Voxels.ToArray(), ImageFile.ReadLabelMap(Path.Combine(again, "patient1_habitats.nii.gz")).Voxels.ToArray());
        Assert.False(File.Exists(Path.Combine(again, "k_selection.csv")));
    }

    [Fact]
    public void Two_stage_habitats_fit_on_supervoxels_apply_to_a_scan_and_refuse_too_few_supervoxels()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "patient1", 1);
        var b = WritePhantom(dir, "patient2", 2);
        string output = dir.File("out");
        var (code, text) = CliRunner.Run(
            "habitats", "-i", a.Image, b.Image, "-m", a.Mask, b.Mask, "-k", "2..4", "--strategy", "two-stage", "--supervoxels", "40", "--criterion", "stability", "-o", output);
        Assert.True(code == 0, text);
        var model = HabitatModel.Load(Path.Combine(output, "habitat_model.json"));
        Assert.Equal(3, model.HabitatCount);
        Assert.Equal(HabitatStrategy.TwoStage, model.Training.Settings.Strategy);
        Assert.Equal(80, model.Training.Voxels);

        string again = dir.File("again");
        var (code2, text2) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "--model", Path.Combine(output, "habitat_model.json"), "-o", again);
        Assert.True(code2 == 0, text2);
        Assert.Equal(
            ImageFile.ReadLabelMap(Path.Combine(output, "patient1_habitats.nii.gz")).Voxels.ToArray(),
            ImageFile.ReadLabelMap(Path.Combine(again, "patient1_habitats.nii.gz")).Voxels.ToArray());

        var (code3, text3) = CliRunner.Run(
            "habitats", "-i", a.Image, "-m", a.Mask, "-k", "5", "--strategy", "two-stage", "--supervoxels", "4", "-o", dir.File("few"));
        Assert.Equal(1, code3);
        Assert.Contains("error: Scan 'patient1' has 4 supervoxel(s)", text3, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PyRadiomics_params_file_defines_the_habitat_channels()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "patient1", 1);
        var b = WritePhantom(dir, "patient2", 2);
        var parameters = dir.File("habit.yaml");
        File.WriteAllText(parameters, "setting:\n  binWidth: 0.25\nimageType:\n  Original: {}\nfeatureClass:\n  firstorder: [Mean, Median]\n  glcm: [JointEntropy]\nvoxelSetting:\n  kernelRadius: 1\n");
        string output = dir.File("out");
        var (code, text) = CliRunner.Run(
            "habitats", "-i", a.Image, b.Image, "-m", a.Mask, b.Mask, "-k", "3", "-o", output, "--params", parameters, "--max-voxels-per-scan", "3000");
        Assert.True(code == 0, text);
        var model = HabitatModel.Load(Path.Combine(output, "habitat_model.json"));
        Assert.Equal(3, model.HabitatCount);
        Assert.Equal(["original_firstorder_Mean", "original_firstorder_Median", "original_glcm_JointEntropy"], model.Channels);
    }

    [Theory]
    [InlineData("-k", "1..4", "-k '1..4'")]
    [InlineData("-k", "5..3", "-k '5..3'")]
    [InlineData("--statistics", "mean,bogus", "unknown statistic 'bogus'")]
    public void Bad_options_are_one_clear_error(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "scan", 1);
        var (code, text) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-o", dir.File("out"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unequal_numbers_of_images_and_masks_and_missing_models_are_clear_errors()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "scan", 1);
        var (code, text) = CliRunner.Run("habitats", "-i", a.Image, a.Image, "-m", a.Mask, "-o", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("2 image(s) but 1 mask(s)", text, StringComparison.Ordinal);
        var (code2, text2) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-o", dir.File("out"), "--model", dir.File("missing.json"));
        Assert.Equal(1, code2);
        Assert.Contains("missing.json", text2, StringComparison.Ordinal);
    }

    [Fact]
    public void Habitats_reads_the_voxel_features_from_the_settings_files_habitats_section()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "patient1", 1);
        string settings = dir.File("settings.yaml");
        File.WriteAllText(settings, "habitats:\n  local_statistics: [mean, p90]\n  kernel: box\n  texture: [ngtdm]\n");
        string output = dir.File("out");
        var (code, text) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", output, "--params", settings, "--strategy", "two-stage", "--supervoxels", "20");
        Assert.True(code == 0, text);
        var model = HabitatModel.Load(Path.Combine(output, "habitat_model.json"));
        Assert.Equal(["intensity", "mean_box1vox", "p90_box1vox"], model.Channels.Take(3));
        Assert.Contains(model.Channels, c => c.Contains("QCDE", StringComparison.Ordinal) || c.Contains("ngtdm", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HabitatStrategy.TwoStage, model.Training.Settings.Strategy);
        Assert.Equal(20, model.Training.Settings.Supervoxels.Count);
        Assert.Equal(["ngtdm"], model.Training.Settings.VoxelFeatures!.Texture);

        File.WriteAllText(settings, "habitats:\n  texture: [glcm]\n  texture_radius: 7\n");
        (code, text) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", output, "--params", settings);
        Assert.NotEqual(0, code);
        Assert.Contains($"error: {settings}, line 3: habitats texture_radius: '7'", text, StringComparison.Ordinal);

        File.WriteAllText(settings, "discretisation:\n  method: fixed_bin_number\n  bin_number: 16\n");
        (code, text) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", output, "--params", settings);
        Assert.NotEqual(0, code);
        Assert.Contains("has no habitats: section", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_params_shows_the_habitats_section_with_its_defaults()
    {
        using var dir = new TempDirectory();
        string written = dir.File("mr.yaml");
        var (code, text) = CliRunner.Run("extract", "--preset", "mr-default", "--write-params", written);
        Assert.True(code == 0, text);
        var yaml = File.ReadAllText(written);
        Assert.Contains("habitats:", yaml, StringComparison.Ordinal);
        Assert.Contains("local_statistics: [mean]", yaml, StringComparison.Ordinal);
        Assert.Equal(["mean"], Features.FeatureSettingsYaml.Load(written).Habitats!.LocalStatistics);
    }
}

public class HabitatsCommandMrTests
{
    [SharedDataFact]
    public void Mr_scans_of_different_scanners_no_longer_collapse_into_one_habitat()
    {
        // brain1, brain2 and breast1 come from different scanners with unrelated intensity scales; without normalisation
        // k-means on the pooled voxels put 100 % of brain2 and breast1 into one habitat.
        using var dir = new TempDirectory();
        string[] names = ["brain1", "brain2", "breast1"];
        var images = names.Select(n => SharedData.Path("data", "pyradiomics", $"{n}_image.nrrd")).ToArray();
        var masks = names.Select(n => SharedData.Path("data", "pyradiomics", $"{n}_label.nrrd")).ToArray();
        string output = dir.File("out");
        var (code, text) = CliRunner.Run(["habitats", "-i", .. images, "-m", .. masks, "-k", "2..6", "-o", output, "--max-voxels-per-scan", "20000"]);
        Assert.True(code == 0, text);
        var rows = File.ReadAllLines(Path.Combine(output, "habitat_measures.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var name in names)
        {
            double largest = rows.Where(r => r[0] == $"{name}_image").Max(r => double.Parse(r[5], CultureInfo.InvariantCulture));
            Assert.True(largest < 0.95, $"{name}: {largest:P1} of the tumour in one habitat");
        }

        var model = HabitatModel.Load(Path.Combine(output, "habitat_model.json"));
        Assert.Equal(Radiomics.Processing.Normalisation.NormalisationMethod.ZScore, model.Training.Settings.Normalisation?.Method);
    }
}
