using Radiomics.Features;
using Radiomics.Filters;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Features;

public class VoxelFeatureSettingsYamlTests
{
    [Fact]
    public void The_habitats_section_reads_per_channel_features_and_round_trips()
    {
        const string yaml = """
            discretisation:
              method: fixed_bin_number
              bin_number: 32
            habitats:
              local_statistics: [mean, sd]
              kernel: ball
              radius: 2
              texture: [glcm, ngtdm]
              texture_radius: 2
              image_types:
                - laplacian_of_gaussian: {sigma: 3}
              channels:
                ADC:
                  intensity: true
                  local_statistics: [median]
            """;
        var settings = FeatureSettingsYaml.FromYaml(yaml, "my.yaml");
        var habitats = settings.Habitats!;
        Assert.Equal(["mean", "sd"], habitats.LocalStatistics);
        Assert.Equal(StructuringElementShape.Ball, habitats.Kernel);
        Assert.Equal(2, habitats.Radius);
        Assert.Equal(["glcm", "ngtdm"], habitats.Texture);
        Assert.Equal(2, habitats.TextureRadius);
        Assert.Equal("log-sigma-3mm", Assert.Single(habitats.ImageTypes).ImageTypeName());
        Assert.Equal(["median"], habitats.For("ADC").LocalStatistics);
        Assert.Empty(habitats.For("ADC").Texture);
        Assert.Equal(["mean", "sd"], habitats.For("T2").LocalStatistics);
        Assert.Null(habitats.For("T2").Channels);

        var written = FeatureSettingsYaml.ToYaml(settings);
        Assert.Contains("habitats:", written, StringComparison.Ordinal);
        Assert.Equal(written, FeatureSettingsYaml.ToYaml(FeatureSettingsYaml.FromYaml(written)));
    }

    [Fact]
    public void Settings_without_a_habitats_section_write_none_and_defaults_are_the_study_features()
    {
        var written = FeatureSettingsYaml.ToYaml(new FeatureSettings());
        Assert.DoesNotContain("habitats", written, StringComparison.Ordinal);
        Assert.Null(FeatureSettingsYaml.FromYaml(written).Habitats);

        var defaults = FeatureSettingsYaml.FromYaml("habitats:\n  intensity: true\n").Habitats!;
        Assert.True(defaults.Intensity);
        Assert.Equal(["mean"], defaults.LocalStatistics);
        Assert.Equal(StructuringElementShape.Box, defaults.Kernel);
        Assert.Equal(1, defaults.Radius);
        Assert.Equal(RadiusUnit.Voxels, defaults.RadiusUnit);
        Assert.Empty(defaults.Texture);
    }

    [Theory]
    [InlineData("habitats:\n  local_statistics: [mean, meen]\n", 2, "meen")]
    [InlineData("habitats:\n  texture: [glcm, glrm]\n", 2, "glrm")]
    [InlineData("habitats:\n  radius: 1\n  texture_radius: 0\n", 3, "'0'")]
    [InlineData("habitats:\n  texture_radius: 1.5\n", 2, "'1.5'")]
    [InlineData("habitats:\n  radius: -2\n", 2, "'-2'")]
    [InlineData("habitats:\n  kernel: sphere\n", 2, "sphere")]
    [InlineData("habitats:\n  statistics: [mean]\n", 2, "statistics")]
    [InlineData("habitats:\n  channels:\n    ADC:\n      texture: [wavelet]\n", 4, "wavelet")]
    public void Unknown_names_and_bad_radii_name_the_file_line_and_value(string yaml, int line, string value)
    {
        var e = Assert.Throws<SettingsException>(() => FeatureSettingsYaml.FromYaml(yaml, "my.yaml"));
        Assert.Equal(line, e.Line);
        Assert.Contains("my.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Texture_aggregation_and_distance_are_read_in_IBSI_wording_and_round_trip()
    {
        var habitats = FeatureSettingsYaml.FromYaml("habitats:\n  texture: [glcm, glszm]\n  texture_aggregation: 2D, averaged\n  texture_distance: 2\n", "my.yaml").Habitats!;
        Assert.Equal(TextureAggregation.Averaged2D, habitats.TextureAggregation);
        Assert.Equal(2, habitats.TextureDistance);
        var written = FeatureSettingsYaml.ToYaml(new FeatureSettings { Habitats = habitats });
        Assert.Contains("texture_aggregation: \"2D, averaged\"", written, StringComparison.Ordinal);
        var again = FeatureSettingsYaml.FromYaml(written).Habitats!;
        Assert.Equal((TextureAggregation.Averaged2D, 2), (again.TextureAggregation, again.TextureDistance));
        var defaults = FeatureSettingsYaml.FromYaml("habitats:\n  texture: [ngtdm]\n").Habitats!;
        Assert.Equal((TextureAggregation.Merged3D, 1), (defaults.TextureAggregation, defaults.TextureDistance));
    }

    [Theory]
    [InlineData("habitats:\n  texture: [glcm]\n  texture_aggregation: 2D\n", 3, "'2D' is not one of")]
    [InlineData("habitats:\n  texture: [glcm]\n  texture_distance: 0\n", 3, "texture_distance: '0'")]
    [InlineData("habitats:\n  texture: [glcm]\n  texture_distance: 3\n", 2, "texture_distance 3: give 1..2 voxels")]
    [InlineData("habitats:\n  texture: [glszm]\n  texture_distance: 2\n", 2, "changes nothing for glszm")]
    [InlineData("habitats:\n  texture: [firstorder, glcm]\n  texture_aggregation: 2.5D, merged\n", 2, "firstorder has no 2D or 2.5D variant")]
    [InlineData("habitats:\n  texture_aggregation: 3D, averaged\n", 2, "needs a texture family with a matrix")]
    [InlineData("habitats:\n  channels:\n    ADC:\n      texture: [glszm]\n      texture_distance: 2\n", 4, "texture_distance 2 changes nothing for glszm")]
    public void Unsupported_texture_combinations_name_the_file_line_and_problem(string yaml, int line, string problem)
    {
        var e = Assert.Throws<SettingsException>(() => FeatureSettingsYaml.FromYaml(yaml, "my.yaml"));
        Assert.Equal(line, e.Line);
        Assert.Contains("my.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_without_any_feature_is_refused()
    {
        var e = Assert.Throws<SettingsException>(() => FeatureSettingsYaml.FromYaml("habitats:\n  intensity: false\n  local_statistics: []\n", "my.yaml"));
        Assert.Contains("no voxel feature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_checks_records_built_in_code()
    {
        Assert.Null(new VoxelFeatureSettings().Problem());
        Assert.Contains("texture_radius 9", new VoxelFeatureSettings { TextureRadius = 9 }.Problem(), StringComparison.Ordinal);
        Assert.Contains("channel 'ADC'", new VoxelFeatureSettings { Channels = new Dictionary<string, VoxelFeatureSettings> { ["ADC"] = new() { LocalStatistics = ["x"] } } }.Problem(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FeatureSettings { Habitats = new VoxelFeatureSettings { Texture = ["bogus"] } }.Validate());
    }
}
