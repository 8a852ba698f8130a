using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalGlcmFeaturesTests
{
    private static readonly string[] AllCodes = [.. GlcmFeatures.Definitions.Select(d => d.Code)];

    [Theory]
    [InlineData(1, true, 1)]
    [InlineData(1, false, 1)]
    [InlineData(2, true, 1)]
    [InlineData(2, false, 2)]
    public void Every_voxel_equals_the_whole_region_GLCM_of_its_neighbourhood_box(int radius, bool masked, int distance)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalGlcmSettings
        {
            Radius = radius, MaskedKernel = masked, Distance = distance, Features = AllCodes,
            Discretisation = DiscretisationSettings.FixedBinNumber(8),
        };
        var feature = new LocalGlcmFeatures(settings);
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance };
        int checkedVoxels = WholeRegionReference.AssertEveryVoxel(image, mask, feature, settings, AllCodes, roi => Glcm.Compute(roi, texture));
        Assert.Equal(mask.Count(3), checkedVoxels);
    }

    [Fact]
    public void Channels_are_named_after_the_feature_and_kernel_and_bad_settings_are_clear_errors()
    {
        var feature = new LocalGlcmFeatures(new LocalGlcmSettings { Features = ["ACUI", "TU9B"], ChannelPrefix = "t1_" });
        Assert.Equal(["t1_glcm_contrast_box1vox", "t1_glcm_joint_entropy_box1vox"], feature.ChannelNames);
        Assert.Contains("not the IBSI code of a GLCM feature", Assert.Throws<ArgumentException>(() => new LocalGlcmFeatures(new LocalGlcmSettings { Features = ["XXXX"] })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalGlcmFeatures(new LocalGlcmSettings { Radius = 0 }));
        Assert.Throws<ArgumentException>(() => new LocalGlcmFeatures(new LocalGlcmSettings { Features = ["ACUI", "ACUI"] }));
    }
}
