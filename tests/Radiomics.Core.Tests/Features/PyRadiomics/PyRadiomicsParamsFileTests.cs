using Radiomics.Features;
using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

public sealed class PyRadiomicsParamsFileTests(ITestOutputHelper output)
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pyradiomics", name);

    [Fact]
    public void Every_documented_setting_image_type_and_class_is_read_onto_the_record()
    {
        var settings = FeatureSettingsYaml.Load(Fixture("every_setting.yaml"));
        Assert.Equal(FeatureDefinitions.PyRadiomics, settings.Definitions);
        var s = settings.PyRadiomics!;
        Assert.Equal(1, s.MinimumRoiDimensions);
        Assert.Equal(10, s.MinimumRoiSize);
        Assert.Equal(0.0001, s.GeometryTolerance);
        Assert.True(s.CorrectMask);
        Assert.False(s.AdditionalInfo);
        Assert.Equal(2, s.Label);
        Assert.Equal(10, s.BinWidth);
        Assert.Equal(16, s.BinCount);
        Assert.Equal(DiscretisationSettings.FixedBinNumber(16), settings.Discretisation);
        Assert.True(s.Normalize);
        Assert.Equal(100, s.NormalizeScale);
        Assert.Equal(3, s.RemoveOutliers);
        Assert.Equal(new Vec3(2, 2, 0), s.ResampledPixelSpacing);
        Assert.Equal(Interpolator.Linear, s.Interpolator);
        Assert.Equal(7, s.PadDistance);
        Assert.Equal([1, 2], s.Distances);
        Assert.True(s.Force2D);
        Assert.Equal(0, s.Force2DDimension);
        Assert.Equal([-3.0, 3.0], s.ResegmentRange!);
        Assert.Equal(PyRadiomicsResegmentMode.Sigma, s.ResegmentMode);
        Assert.True(s.ResegmentShape);
        Assert.True(s.PreCrop);
        Assert.Equal([1.0, 2.5], s.Sigma);
        Assert.Equal(2, s.Level);
        Assert.Equal("haar", s.Wavelet);
        Assert.False(s.GradientUseSpacing);
        Assert.Equal(2, s.Lbp2DRadius);
        Assert.Equal(16, s.Lbp2DSamples);
        Assert.Equal("ror", s.Lbp2DMethod);
        Assert.Equal(3, s.Lbp3DLevels);
        Assert.Equal(1.5, s.Lbp3DIcosphereRadius);
        Assert.Equal(2, s.Lbp3DIcosphereSubdivision);
        Assert.Equal(300, s.VoxelArrayShift);
        Assert.False(s.SymmetricalGlcm);
        Assert.Equal(PyRadiomicsWeightingNorm.Euclidean, s.WeightingNorm);
        Assert.Equal(1, s.GldmA);
        Assert.Equal(2, s.Voxel.KernelRadius);
        Assert.False(s.Voxel.MaskedKernel);
        Assert.True(double.IsNaN(s.Voxel.InitValue));
        Assert.Equal(1000, s.Voxel.VoxelBatch);
        Assert.Equal(Enum.GetValues<PyRadiomicsImageKind>(), s.ImageTypes.Select(t => t.Kind));
        var log = s.ImageTypes.Single(t => t.Kind == PyRadiomicsImageKind.LoG).Settings!;
        Assert.Equal([1.0, 3.0], log.Sigma);
        Assert.Equal(10, log.BinWidth); // overrides start from the global settings
        Assert.Equal(1, s.ImageTypes.Single(t => t.Kind == PyRadiomicsImageKind.LBP3D).Settings!.BinWidth);
        Assert.Equal(PyRadiomicsNames.Classes.Order(StringComparer.Ordinal), s.FeatureClasses.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["JointEntropy", "MCC"], s.FeatureClasses.Single(c => c.Name == "glcm").Features);
        Assert.Empty(s.FeatureClasses.Single(c => c.Name == "shape").Features);
    }

    [Fact]
    public void A_JSON_params_file_is_detected_by_its_keys()
    {
        using var dir = new TempDirectory();
        var path = dir.File("params.json");
        File.WriteAllText(path, """{"setting": {"binWidth": 5, "label": 1}, "imageType": {"Original": {}}, "featureClass": {"glcm": null}}""");
        var settings = FeatureSettingsYaml.Load(path);
        Assert.Equal(FeatureDefinitions.PyRadiomics, settings.Definitions);
        Assert.Equal(5, settings.PyRadiomics!.BinWidth);
        Assert.Equal("glcm", Assert.Single(settings.PyRadiomics.FeatureClasses).Name);
    }

    [Fact]
    public void The_toolkits_own_YAML_is_still_read_as_such()
    {
        using var dir = new TempDirectory();
        var path = dir.File("settings.yaml");
        File.WriteAllText(path, "definitions: pyradiomics\nround_input_intensities: true\n");
        var settings = FeatureSettingsYaml.Load(path);
        Assert.Equal(FeatureDefinitions.PyRadiomics, settings.Definitions);
        Assert.True(settings.RoundInputIntensities);
        Assert.Null(settings.PyRadiomics); // PyRadiomics' defaults
        Assert.Equal(FeatureDefinitions.Ibsi, new FeatureSettings().Definitions);
    }

    [Theory]
    [InlineData("setting:\n  binWidth: 25\n  setting: 3\n", 3, "Unknown setting 'setting'")]
    [InlineData("setting:\n  binwidth: 25\n", 2, "did you mean 'binWidth'")]
    [InlineData("imageType:\n  Original: {}\n  Wavelets: {}\n", 3, "Unknown image type 'Wavelets'")]
    [InlineData("featureClass:\n  glcm:\n    - JointEntropy\n    - Entropy\n", 4, "Feature class glcm has no feature 'Entropy'")]
    [InlineData("featureClass:\n  texture:\n", 2, "Unknown feature class 'texture'")]
    [InlineData("setting:\n  interpolator: sitkGaussian\n", 2, "not available")]
    [InlineData("setting:\n  resegmentMode: percent\n", 2, "absolute, relative, sigma")]
    [InlineData("voxelSetting:\n  kernel: 1\n", 2, "valid keys: kernelRadius")]
    [InlineData("setting:\n  binWidth: -1\n", 2, "greater than 0")]
    public void A_bad_key_or_value_names_the_file_the_line_and_the_valid_choices(string text, int line, string problem)
    {
        var e = Assert.Throws<SettingsException>(() => PyRadiomicsParamsFile.Parse(text, "p.yaml"));
        output.WriteLine(e.Message);
        Assert.Equal(line, (int?)e.Line);
        Assert.Equal("p.yaml", e.SourceName);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_lists_every_valid_key()
    {
        var e = Assert.Throws<SettingsException>(() => PyRadiomicsParamsFile.Parse("setting:\n  foo: 1\n"));
        foreach (var key in PyRadiomicsParamsFile.SettingKeys)
        {
            Assert.Contains(key, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Written_params_read_back_to_the_same_settings()
    {
        var s = PyRadiomicsParamsFile.Load(Fixture("every_setting.yaml")).PyRadiomics!;
        var back = PyRadiomicsParamsFile.ParseSettings(PyRadiomicsParamsFile.ToYaml(s));
        Assert.Equal(s.BinWidth, back.BinWidth);
        Assert.Equal(s.BinCount, back.BinCount);
        Assert.Equal(s.ResampledPixelSpacing, back.ResampledPixelSpacing);
        Assert.Equal(s.Interpolator, back.Interpolator);
        Assert.Equal(s.ResegmentRange, back.ResegmentRange);
        Assert.Equal(s.ResegmentMode, back.ResegmentMode);
        Assert.Equal(s.WeightingNorm, back.WeightingNorm);
        Assert.Equal(s.Distances, back.Distances);
        Assert.Equal(s.ImageTypes.Select(t => t.Kind), back.ImageTypes.Select(t => t.Kind));
        Assert.Equal(s.FeatureClasses.Select(c => (c.Name, string.Join(",", c.Features))), back.FeatureClasses.Select(c => (c.Name, string.Join(",", c.Features))));
    }

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "MR_2D_extraction", "Params", "exampleCT", "exampleMR_3mm", "exampleMR_5mm", "exampleMR_NoResampling", "exampleVoxel", "example_allShape" })
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Every params file of PyRadiomics' examples/exampleSettings parses and runs on brain1.</summary>
    [PyRadiomicsExamplesTheory]
    [MemberData(nameof(ExampleFiles))]
    public void PyRadiomics_example_settings_parse_and_run_on_brain1(string name)
    {
        var dir = PyRadiomicsReference.ExamplesDir!;
        var settings = FeatureSettingsYaml.Load(Path.Combine(dir, name + ".yaml"));
        var image = ImageFile.Read(SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"));
        var mask = ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", "brain1_label.nrrd"));
        var result = PyRadiomicsExtractor.Extract(image, mask, settings.PyRadiomics!);
        output.WriteLine($"{name}: {result.Features.Count} values");
        Assert.NotEmpty(result.Features);
        Assert.All(result.Features, f => Assert.Matches("^[a-zA-Z0-9-]+_[a-zA-Z0-9]+_[A-Za-z0-9]+$", f.Name));
        Assert.Equal(result.Features.Count, result.Features.Select(f => f.Name).Distinct().Count());
    }
}
