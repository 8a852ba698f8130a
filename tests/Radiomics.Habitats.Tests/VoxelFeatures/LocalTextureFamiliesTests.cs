using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalTextureFamiliesTests
{
    [Theory]
    [InlineData("firstorder", typeof(LocalFirstOrderFeatures), 16, "t2_mean_box2vox")]
    [InlineData("glcm", typeof(LocalGlcmFeatures), 25, "t2_glcm_joint_maximum_box2vox")]
    [InlineData("glrlm", typeof(LocalGlrlmFeatures), 16, "t2_glrlm_short_runs_emphasis_box2vox")]
    [InlineData("GLSZM", typeof(LocalGlszmFeatures), 16, "t2_glszm_small_zone_emphasis_box2vox")]
    [InlineData("ngldm", typeof(LocalNgldmFeatures), 17, "t2_ngldm_low_dependence_emphasis_box2vox")]
    [InlineData("gldm", typeof(LocalNgldmFeatures), 17, "t2_ngldm_low_dependence_emphasis_box2vox")]
    [InlineData("ngtdm", typeof(LocalNgtdmFeatures), 5, "t2_ngtdm_coarseness_box2vox")]
    public void Every_family_is_made_by_name_with_all_its_features_and_the_kernel_in_its_channel_names(string name, Type type, int channels, string first)
    {
        var feature = LocalTextureFamilies.Create(name, new LocalTextureSettings { Radius = 2, ChannelPrefix = "t2_" });
        Assert.IsType(type, feature);
        Assert.Equal(channels, feature.ChannelNames.Count);
        Assert.Equal(first, feature.ChannelNames[0]);
        Assert.Equal(new Imaging.Index3(2, 2, 2), feature.Margin(Imaging.ImageGeometry.Create(9, 9, 9, Imaging.Vec3.One)));
    }

    [Fact]
    public void Chosen_features_keep_their_order_and_bad_names_or_codes_are_clear_errors()
    {
        Assert.Equal(["glszm_zone_size_entropy_box1vox", "glszm_small_zone_emphasis_box1vox"], LocalTextureFamilies.Create("glszm", new LocalTextureSettings { Features = ["GU8N", "5QRC"] }).ChannelNames);
        Assert.Equal(["sd_box1vox", "median_box1vox"], LocalTextureFamilies.Create("firstorder", new LocalTextureSettings { Features = ["sd", "median"] }).ChannelNames);
        var settings = new LocalTextureSettings { Discretisation = DiscretisationSettings.FixedBinSize(12.5) };
        Assert.Equal(12.5, ((LocalFirstOrderFeatures)LocalTextureFamilies.Create("firstorder", settings)).Settings.BinWidth);
        Assert.Contains("Unknown local feature family 'glrm'; use one of firstorder, glcm, glrlm, glszm, ngldm, ngtdm", Assert.Throws<InvalidInputException>(() => LocalTextureFamilies.Create("glrm")).Message, StringComparison.Ordinal);
        Assert.Contains("not the IBSI code of an GLRLM feature", Assert.Throws<ArgumentException>(() => LocalTextureFamilies.Create("glrlm", new LocalTextureSettings { Features = ["5QRC"] })).Message, StringComparison.Ordinal);
        Assert.Contains("unknown statistic 'average'", Assert.Throws<InvalidInputException>(() => LocalTextureFamilies.Create("firstorder", new LocalTextureSettings { Features = ["average"] })).Message, StringComparison.Ordinal);
    }
}
