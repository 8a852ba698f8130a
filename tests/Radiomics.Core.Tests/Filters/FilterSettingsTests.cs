using System.Text.Json;
using System.Text.Json.Serialization;
using Radiomics.Filters;
using Radiomics.Imaging;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Radiomics.Core.Tests.Filters;

/// <summary>Validation at the boundary, immutability of inputs, and the serialisable image-type list.</summary>
public class FilterSettingsTests
{
    public static TheoryData<FilterSettings> AllFilters => new(
        new OriginalSettings(),
        new MeanSettings(),
        new MeanSettings { Dimensions = FilterDimensions.TwoD },
        new GaussianSettings(),
        new LaplacianOfGaussianSettings(),
        new LaplacianOfGaussianSettings { Riesz = new RieszOrder { X = 1, Z = 1 } },
        new LawsSettings { RotationInvariant = true, Energy = true, EnergyDistance = 1 },
        new GaborSettings { ThetaStep = 90, OrthogonalPlanes = true },
        new SeparableWaveletSettings { RotationInvariant = true, Level = 2 },
        new SimoncelliSettings(),
        new SimoncelliSettings { Boundary = BoundaryCondition.Mirror, Riesz = new RieszOrder { Y = 1 } },
        new SquareSettings(),
        new SquareRootSettings(),
        new LogarithmSettings(),
        new ExponentialSettings(),
        new GradientMagnitudeSettings(),
        new LocalBinaryPattern3DSettings { Level = 2 });

    [Theory]
    [MemberData(nameof(AllFilters))]
    public void Filter_keeps_the_grid_and_does_not_change_its_input(FilterSettings filter)
    {
        var image = FilterPropertyTests.Random(new Size3(8, 7, 6), 11).WithGeometry(
            new ImageGeometry(new Size3(8, 7, 6), new Vec3(0.9, 0.9, 2), new Vec3(-5, 3, 1), Matrix3.Identity));
        var before = image.Voxels.ToArray();

        var response = filter.Apply(image);

        Assert.Equal(before, image.Voxels.ToArray());
        Assert.Same(image.Geometry, response.Geometry);
        Assert.Equal(0, response.CountNonFinite());
    }

    [Theory]
    [MemberData(nameof(AllFilters))]
    public void Linear_filters_of_the_empty_phantom_are_zero_and_every_filter_accepts_a_single_voxel(FilterSettings filter)
    {
        var empty = new Image<double>(ImageGeometry.Create(6, 6, 6));
        var response = filter.Apply(empty);
        if (filter is not (ExponentialSettings or LocalBinaryPattern3DSettings))
        {
            Assert.All(response.Voxels.ToArray(), v => Assert.Equal(0, v, 12));
        }

        var single = new Image<double>(ImageGeometry.Create(1, 1, 1), [42.0]);
        Assert.Equal(1, filter.Apply(single).VoxelCount);
    }

    [Theory]
    [MemberData(nameof(AllFilters))]
    public void Image_type_names_are_file_name_safe(FilterSettings filter)
    {
        var name = filter.ImageTypeName();
        Assert.Matches("^[A-Za-z0-9.\\-]+$", name);
    }

    [Fact]
    public void Null_and_multi_component_images_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("image", () => new MeanSettings().Apply(null!));
        var vector = new Image<double>(ImageGeometry.Create(3, 3, 3), 3);
        var e = Assert.Throws<ArgumentException>("image", () => new LaplacianOfGaussianSettings().Apply(vector));
        Assert.Contains("3 components", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_sigma_is_rejected_naming_the_setting(double sigma)
    {
        var image = new Image<double>(ImageGeometry.Create(3, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>("Sigma", () => new LaplacianOfGaussianSettings { Sigma = sigma }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("Sigma", () => new GaussianSettings { Sigma = sigma }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("Sigma", () => new GaborSettings { Sigma = sigma }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("sigmaMm", () => Gaussian.Smooth(image, new Vec3(1, sigma < 0 ? sigma : -1, 1)));
    }

    [Fact]
    public void Other_settings_out_of_range_are_rejected_naming_the_setting()
    {
        var image = new Image<double>(ImageGeometry.Create(3, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>("Support", () => new MeanSettings { Support = 4 }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("Truncation", () => new LaplacianOfGaussianSettings { Truncation = 0 }.Apply(image));
        Assert.Throws<ArgumentException>("Kernel", () => new LawsSettings { Kernel = "L5X5" }.Apply(image));
        Assert.Throws<ArgumentException>("Kernel", () => new LawsSettings { Kernel = "L5" }.Apply(image));
        Assert.Throws<ArgumentException>("Subband", () => new SeparableWaveletSettings { Subband = "LQH" }.Apply(image));
        Assert.Throws<ArgumentException>("family", () => new SeparableWaveletSettings { Family = "sym9" }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("Level", () => new SimoncelliSettings { Level = 0 }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("ThetaStep", () => new GaborSettings { ThetaStep = 7 }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("Boundary", () => new MeanSettings { Boundary = (BoundaryCondition)17 }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>("Riesz", () => new LaplacianOfGaussianSettings { Riesz = new RieszOrder() }.Apply(image));
        Assert.Throws<ArgumentOutOfRangeException>(
            "Riesz", () => new LaplacianOfGaussianSettings { Dimensions = FilterDimensions.TwoD, Riesz = new RieszOrder { Z = 1 } }.Apply(image));
    }

    [Fact]
    public void An_image_type_names_exactly_one_filter()
    {
        Assert.Throws<ArgumentException>(() => new ImageType().Settings());
        Assert.Throws<ArgumentException>(() => new ImageType { Mean = new(), Square = new() }.Settings());
        Assert.Equal("original", ImageType.OriginalImage.ImageTypeName());
    }

    [Theory]
    [MemberData(nameof(AllFilters))]
    public void Image_types_round_trip_through_json_and_yaml(FilterSettings filter)
    {
        var list = new List<ImageType> { ImageType.OriginalImage, ImageType.Of(filter) };
        var json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };
        var fromJson = JsonSerializer.Deserialize<List<ImageType>>(JsonSerializer.Serialize(list, json), json)!;
        Assert.Equal(list, fromJson);

        var yaml = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build()
            .Serialize(list);
        var fromYaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<List<ImageType>>(yaml);
        Assert.Equal(list, fromYaml);
    }

    [Fact]
    public void Yaml_written_by_hand_reads_into_settings_records()
    {
        const string yaml = """
            - original: {}
            - laplacianOfGaussian: { sigma: 3, boundary: Zero }
            - wavelet: { family: coif1, subband: LLH, rotationInvariant: true }
            - gabor: { sigma: 5, lambda: 2, gamma: 1.5, thetaStep: 22.5, orthogonalPlanes: true }
            """;
        var list = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<List<ImageType>>(yaml);
        Assert.Equal(
            ["original", "log-sigma-3mm", "wavelet-coif1-LLH-level-1-invariant", "gabor-sigma-5mm-lambda-2mm-gamma-1.5-theta-step-22.5-3planes"],
            list.Select(t => t.ImageTypeName()));
        Assert.Equal(BoundaryCondition.Zero, list[1].LaplacianOfGaussian!.Boundary);
    }
}
