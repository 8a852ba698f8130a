using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class FeatureSettingsYamlTests
{
    public static TheoryData<string> PresetNames => [.. FeaturePresets.Names];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_preset_survives_a_YAML_round_trip(string name)
    {
        var preset = FeaturePresets.Get(name);
        var yaml = FeatureSettingsYaml.ToYaml(preset);
        var back = FeatureSettingsYaml.FromYaml(yaml);
        Assert.Equal(yaml, FeatureSettingsYaml.ToYaml(back));
        Assert.Equal(preset.Resampling, back.Resampling);
        Assert.Equal(preset.Resegmentation, back.Resegmentation);
        Assert.Equal(preset.Discretisation, back.Discretisation);
        Assert.Equal(preset.IntensityVolumeHistogram, back.IntensityVolumeHistogram);
        Assert.Equal(preset.Texture.Aggregations, back.Texture.Aggregations);
        Assert.Equal(preset.Texture.Distance, back.Texture.Distance);
        Assert.Equal(preset.Families, back.Families);
        Assert.Equal(preset.Dimensionality, back.Dimensionality);
        Assert.Equal(preset.RoundInputIntensities, back.RoundInputIntensities);
        Assert.Equal(preset.Normalisation, back.Normalisation);
    }

    [Fact]
    public void A_hand_written_file_reads_with_defaults_for_what_it_leaves_out()
    {
        const string yaml = """
            dimensionality: 3D
            resampling:
              spacing: [1.5, 1.5, 3]
              interpolator: bspline
            resegmentation:
              minimum: -1000
              outlier_sigma: 3
            discretisation:
              method: fixed_bin_size
              bin_width: 10
            texture:
              aggregations: ["3D, merged"]
            families: [intensity_statistics, texture]
            """;
        var s = FeatureSettingsYaml.FromYaml(yaml);
        Assert.Equal(new Vec3(1.5, 1.5, 3), s.Resampling!.Spacing);
        Assert.Equal(Interpolator.BSpline, s.Resampling.Interpolator);
        Assert.Equal(Interpolator.Linear, s.Resampling.MaskInterpolator);
        Assert.Equal(0.5, s.Resampling.PartialVolumeThreshold);
        Assert.Equal(-1000, s.Resegmentation.Minimum);
        Assert.Null(s.Resegmentation.Maximum);
        Assert.Equal(3, s.Resegmentation.OutlierSigma);
        Assert.Equal(DiscretisationMethod.FixedBinSize, s.Discretisation.Method);
        Assert.Equal(10, s.Discretisation.BinWidth);
        Assert.Equal([TextureAggregation.Merged3D], s.Texture.Aggregations);
        Assert.Equal(FeatureFamilies.IntensityStatistics | FeatureFamilies.Texture, s.Families);
        Assert.Equal(new FeatureSettings().IntensityVolumeHistogram, s.IntensityVolumeHistogram);
    }

    [Theory]
    [InlineData("discretisation:\n  methd: fixed_bin_size\n", "methd")]
    [InlineData("resampling:\n  interpolator: cubic\n", "cubic")]
    [InlineData("families: [glcmx]\n", "glcmx")]
    [InlineData("resampling:\n  spacing: [1, 2]\n", "three numbers")]
    [InlineData("resegmentation:\n  minimum: 400\n  maximum: -500\n", "empty")]
    [InlineData("dimensionality: 2D\nresampling:\n  spacing: [2, 2, 2]\n", "in_plane_only")]
    public void Mistakes_are_reported_with_the_offending_key_or_value(string yaml, string expected)
    {
        var e = Assert.Throws<SettingsException>(() => FeatureSettingsYaml.FromYaml(yaml, "my.yaml"));
        Assert.Contains("my.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_line_and_the_valid_keys_in_plain_words()
    {
        var e = Assert.Throws<SettingsException>(() => FeatureSettingsYaml.FromYaml("dimensionality: 3D\nresampling:\n  spacing: [2, 2, 2]\n  interpolater: linear\n", "my.yaml"));
        Assert.Contains("my.yaml, line 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'interpolater'", e.Message, StringComparison.Ordinal);
        Assert.Contains("interpolator", e.Message, StringComparison.Ordinal);
        Assert.Contains("spacing", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Radiomics.Processing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_writes_atomically_a_file_that_loads_back()
    {
        using var tmp = new TempDirectory();
        FeatureSettingsYaml.Save(FeaturePresets.ConfigE, tmp.File("e.yaml"), "config E");
        Assert.StartsWith("# Radiomics toolkit", File.ReadAllText(tmp.File("e.yaml")), StringComparison.Ordinal);
        Assert.Equal(FeaturePresets.ConfigE.Resampling, FeatureSettingsYaml.Load(tmp.File("e.yaml")).Resampling);
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void The_README_example_is_valid()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot ?? throw new InvalidOperationException("repository not found"), "README.md"));
        int start = readme.IndexOf("```yaml\ndimensionality", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no settings example");
        start += "```yaml\n".Length;
        var yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var s = FeatureSettingsYaml.FromYaml(yaml, "README.md");
        Assert.Equal(FeaturePresets.ConfigC.Resampling, s.Resampling);
        Assert.Equal(FeaturePresets.ConfigC.Discretisation, s.Discretisation);
        Assert.Equal(FeaturePresets.ConfigC.IntensityVolumeHistogram, s.IntensityVolumeHistogram);
    }
}

public class ImageTypeYamlTests
{
    [Fact]
    public void Image_types_read_from_YAML_and_survive_a_round_trip()
    {
        const string yaml = """
            image_types:
              - original: {}
              - laplacian_of_gaussian: {sigma: 1.5, truncation: 4}
              - wavelet: {family: coif1, subband: LLH, level: 1}
            families: [intensity_statistics]
            """;
        var settings = FeatureSettingsYaml.FromYaml(yaml, "filters.yaml");
        Assert.Equal(3, settings.ImageTypes.Count);
        var log = Assert.IsType<Radiomics.Filters.LaplacianOfGaussianSettings>(settings.ImageTypes[1].Settings());
        Assert.Equal(1.5, log.Sigma);
        Assert.Equal("coif1", Assert.IsType<Radiomics.Filters.SeparableWaveletSettings>(settings.ImageTypes[2].Settings()).Family);
        var again = FeatureSettingsYaml.FromYaml(FeatureSettingsYaml.ToYaml(settings));
        Assert.Equal(settings.ImageTypes.Select(t => t.ImageTypeName()), again.ImageTypes.Select(t => t.ImageTypeName()));
    }

    [Fact]
    public void An_entry_naming_two_filters_or_a_duplicate_is_an_error()
    {
        var two = new FeatureSettings { ImageTypes = [new Radiomics.Filters.ImageType { Original = new(), Square = new() }] };
        Assert.Contains("exactly one filter", Assert.ThrowsAny<ArgumentException>(two.Validate).Message, StringComparison.Ordinal);
        var twice = new FeatureSettings { ImageTypes = [Radiomics.Filters.ImageType.OriginalImage, Radiomics.Filters.ImageType.OriginalImage] };
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(twice.Validate).Message, StringComparison.Ordinal);
    }
}

public class ReadmeImageTypesTests
{
    [Fact]
    public void The_README_image_types_example_is_valid()
    {
        var readme = File.ReadAllText(Path.Combine(Radiomics.TestSupport.SharedData.RepositoryRoot ?? throw new InvalidOperationException("repository not found"), "README.md"));
        int start = readme.IndexOf("```yaml\nimage_types", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no image types example");
        start += "```yaml\n".Length;
        var s = FeatureSettingsYaml.FromYaml(readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)], "README.md");
        Assert.Equal(["original", "log-sigma-3mm"], s.ImageTypes.Take(2).Select(t => t.ImageTypeName()));
        Assert.Equal(4, s.ImageTypes.Count);
        Assert.True(Assert.IsType<Radiomics.Filters.GaborSettings>(s.ImageTypes[3].Settings()).OrthogonalPlanes);
    }
}
