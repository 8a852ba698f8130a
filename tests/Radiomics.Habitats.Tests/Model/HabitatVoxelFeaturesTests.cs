using Radiomics.Features;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Habitats.Tests.Model;

public class HabitatVoxelFeaturesTests
{
    [Fact]
    public void The_default_settings_are_the_studys_intensity_and_local_mean_over_a_box()
    {
        var features = HabitatVoxelFeatures.Create(new VoxelFeatureSettings());
        Assert.Equal(["intensity", LocalFirstOrderFeatures.ChannelName(LocalStatistic.Mean, StructuringElement.Box(1, RadiusUnit.Voxels))], features.SelectMany(f => f.ChannelNames));
        var (image, mask, _) = HabitatPhantom.Create();
        var expected = VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature(), new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Kernel = StructuringElement.Box(1, RadiusUnit.Voxels), Statistics = [LocalStatistic.Mean] })]);
        var map = HabitatVoxelFeatures.Map(image, mask, features, normalisation: null, biasField: null, scan: "phantom");
        Assert.Equal(expected.ToMatrix().Values.ToArray(), map.ToMatrix().Values.ToArray());
    }

    [Fact]
    public void The_core_statistic_names_are_the_local_statistic_short_names()
    {
        Assert.Equal(LocalStatisticNames.All, VoxelFeatureSettings.StatisticNames);
    }

    [Fact]
    public void Texture_families_map_onto_the_local_families_with_their_IBSI_channel_names()
    {
        var settings = new VoxelFeatureSettings { Intensity = false, LocalStatistics = [], Texture = ["glcm", "ngtdm", "ngldm", "firstorder", "glrlm", "glszm"], TextureRadius = 2 };
        var features = HabitatVoxelFeatures.Create(settings);
        Assert.IsType<LocalGlcmFeatures>(features[0]);
        Assert.Equal(2, ((LocalGlcmFeatures)features[0]).Settings.Radius);
        Assert.Equal(2, Assert.IsType<LocalNgtdmFeatures>(features[1]).Settings.Radius);
        Assert.Equal(new LocalNgldmFeatures(new LocalTextureSettings { Radius = 2 }).ChannelNames, Assert.IsType<LocalNgldmFeatures>(features[2]).ChannelNames);
        Assert.IsType<LocalFirstOrderFeatures>(features[3]);
        Assert.Equal(2, Assert.IsType<LocalGlrlmFeatures>(features[4]).Settings.Radius);
        Assert.Equal(new LocalGlszmFeatures(new LocalTextureSettings { Radius = 2 }).ChannelNames, Assert.IsType<LocalGlszmFeatures>(features[5]).ChannelNames);
        Assert.Equal(new LocalGlcmFeatures(new LocalGlcmSettings { Radius = 2 }).ChannelNames, features[0].ChannelNames);
    }

    [Fact]
    public void The_texture_aggregation_and_distance_reach_every_matrix_family_and_bad_combinations_are_settings_errors()
    {
        var settings = new VoxelFeatureSettings
        {
            Intensity = false, LocalStatistics = [], Texture = ["glcm", "glrlm", "glszm", "ngldm", "ngtdm"], TextureAggregation = TextureAggregation.Averaged2D, TextureDistance = 2,
        };
        var features = HabitatVoxelFeatures.Create(settings);
        Assert.All(features, f => Assert.Equal(new Index3(1, 1, 0), f.Margin(ImageGeometry.Create(5, 5, 5))));
        Assert.Equal((TextureAggregation.Averaged2D, 2), (Assert.IsType<LocalGlcmFeatures>(features[0]).Settings.Aggregation, ((LocalGlcmFeatures)features[0]).Settings.Distance));
        Assert.All(features.Skip(1), f => Assert.Equal((TextureAggregation.Averaged2D, 2), (((LocalTextureFamily)f).Settings.Aggregation, ((LocalTextureFamily)f).Settings.Distance)));
        Assert.EndsWith("_box1vox_2d_averaged", features[1].ChannelNames[0], StringComparison.Ordinal);
        Assert.EndsWith("_box1vox_2d", features[2].ChannelNames[0], StringComparison.Ordinal);
        var e = Assert.Throws<SettingsException>(() => HabitatVoxelFeatures.Create(settings with { Texture = ["glszm"] }, "my.yaml"));
        Assert.Contains("my.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("texture_distance 2 changes nothing for glszm", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_family_names_the_settings_and_the_family()
    {
        var e = Assert.Throws<SettingsException>(() => HabitatVoxelFeatures.Texture("bogus", 1, "my.yaml"));
        Assert.Contains("my.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("'bogus'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Channels_get_their_own_features_and_normalisation_and_names_prefixed_by_the_channel()
    {
        var (image, mask, _) = HabitatPhantom.Create();
        var scaled = new Image<float>(image.Geometry, [.. image.Voxels.ToArray().Select(v => (3 * v) + 100)]);
        var settings = new HabitatSettings
        {
            VoxelFeatures = new VoxelFeatureSettings { Channels = new Dictionary<string, VoxelFeatureSettings> { ["ADC"] = new() { LocalStatistics = [] } } },
            Normalisation = NormalisationSettings.ZScore(),
        };
        var map = HabitatVoxelFeatures.Map([("T2", image), ("ADC", scaled)], mask, settings, "scan 1");
        Assert.Equal(["T2.intensity", "T2.mean_box1vox", "ADC.intensity"], map.ChannelNames);
        Assert.Equal(map.ChannelNames, HabitatVoxelFeatures.ChannelNames(["T2", "ADC"], settings.VoxelFeatures));

        // Z-scored per channel over the foreground: a linear rescaling of the same image gives the same channel.
        var t2 = map.Channel("T2.intensity").ToArray();
        var adc = map.Channel("ADC.intensity").ToArray();
        for (int i = 0; i < t2.Length; i++)
        {
            Assert.Equal(t2[i], adc[i], 1e-4);
        }
    }

    [Fact]
    public void An_empty_mask_names_the_scan()
    {
        var (image, mask, _) = HabitatPhantom.Create();
        var empty = new LabelMap(new Image<byte>(mask.Geometry));
        var e = Assert.Throws<EmptyRoiException>(() => HabitatVoxelFeatures.Map(image, empty, HabitatVoxelFeatures.Create(new VoxelFeatureSettings()), null, null, "Subject 'P01', time point 't0'"));
        Assert.Contains("Subject 'P01', time point 't0'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void N4_runs_before_the_normalisation_when_the_settings_ask_for_it()
    {
        var (image, mask, _) = HabitatPhantom.Create();
        var positive = new Image<float>(image.Geometry, [.. image.Voxels.ToArray().Select(v => v + 500)]);
        var n4 = new Processing.BiasField.N4Settings();
        var features = HabitatVoxelFeatures.Create(new VoxelFeatureSettings());
        var corrected = Processing.BiasField.N4BiasFieldCorrection.Apply(positive, settings: n4).Corrected;
        var expected = HabitatVoxelFeatures.Map(corrected, mask, features, NormalisationSettings.ZScore(), null, "phantom");
        var map = HabitatVoxelFeatures.Map(positive, mask, features, NormalisationSettings.ZScore(), n4, "phantom");
        Assert.Equal(expected.ToMatrix().Values.ToArray(), map.ToMatrix().Values.ToArray());
        Assert.NotEqual(HabitatVoxelFeatures.Map(positive, mask, features, NormalisationSettings.ZScore(), null, "phantom").ToMatrix().Values.ToArray(), map.ToMatrix().Values.ToArray());
    }

    [Fact]
    public void Habitat_feature_rows_give_each_habitats_measures_and_its_mean_intensity_per_channel()
    {
        var geometry = ImageGeometry.Create(4, 1, 1, new Vec3(1, 1, 2));
        var habitats = new LabelMap(new Image<byte>(geometry, [1, 1, 2, 0]));
        var t2 = new Image<float>(geometry, [10, 20, 30, 99]);
        var adc = new Image<float>(geometry, [1, 3, 5, 99]);
        var summary = HabitatSummary.Compute(habitats, 2);
        var rows = HabitatFeatureRows.Of(summary, [("T2", t2), ("ADC", adc)], habitats, "P01", "t0", "tumour").ToList();
        Assert.All(rows, r => Assert.Equal(HabitatFeatureRows.Family, r.Family));
        Assert.Equal(2.0 / 3, rows.Single(r => r.Feature == "Fraction" && r.Variant == "habitat 1").Value, 12);
        Assert.Equal(4, rows.Single(r => r.Feature == "Volume" && r.Variant == "habitat 1").Value);
        Assert.Equal(15, rows.Single(r => r.Feature == "Mean intensity" && r.Variant == "habitat 1" && r.Channel == "T2").Value);
        Assert.Equal(5, rows.Single(r => r.Feature == "Mean intensity" && r.Variant == "habitat 2" && r.Channel == "ADC").Value);
        Assert.Contains(rows, r => r.Feature == "Spatial mixing index");
    }

    [Fact]
    public void A_model_saves_its_voxel_features_filter_responses_and_per_channel_features_and_reads_them_back()
    {
        var (image, mask, _) = HabitatPhantom.Create();
        var described = new VoxelFeatureSettings
        {
            ImageTypes = [Filters.ImageType.Of(new Filters.LaplacianOfGaussianSettings { Sigma = 2 })],
            Channels = new Dictionary<string, VoxelFeatureSettings> { ["ADC"] = new() { Texture = ["ngtdm"] } },
        };
        var settings = new HabitatSettings { VoxelFeatures = described, BiasFieldCorrection = new Processing.BiasField.N4Settings() };
        var map = HabitatVoxelFeatures.Map(image, mask, HabitatVoxelFeatures.Create(described), null, null, "phantom");
        var model = HabitatModel.Fit([map], settings);
        var back = HabitatModel.FromJson(model.ToJson()).Training.Settings;
        Assert.Equal(described.ImageTypes[0].ImageTypeName(), Assert.Single(back.VoxelFeatures!.ImageTypes).ImageTypeName());
        Assert.Equal(["ngtdm"], back.VoxelFeatures.For("ADC").Texture);
        Assert.Equal(settings.BiasFieldCorrection.MaximumIterations, back.BiasFieldCorrection!.MaximumIterations);
        Assert.Equal(settings.BiasFieldCorrection with { MaximumIterations = back.BiasFieldCorrection.MaximumIterations }, back.BiasFieldCorrection);
        Assert.Equal(map.ChannelNames, HabitatVoxelFeatures.Create(back.VoxelFeatures).SelectMany(f => f.ChannelNames));
    }
}
