using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalNgtdmFeaturesTests
{
    [Theory]
    [InlineData(1, true, 1)]
    [InlineData(1, false, 1)]
    [InlineData(2, true, 1)]
    [InlineData(2, false, 2)]
    public void Every_voxel_equals_the_whole_region_NGTDM_of_its_neighbourhood_box(int radius, bool masked, int distance)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var feature = new LocalNgtdmFeatures(new LocalTextureSettings
        {
            Radius = radius, MaskedKernel = masked, Distance = distance, Discretisation = DiscretisationSettings.FixedBinNumber(8),
        });
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance };
        int checkedVoxels = WholeRegionReference.AssertEveryVoxel(image, mask, feature, feature.Settings, [.. Ngtdm.Definitions.Select(d => d.Code)], roi => Ngtdm.Compute(roi, texture));
        Assert.Equal(mask.Count(3), checkedVoxels);
    }

    [Fact]
    public void Channels_are_named_after_the_feature_and_kernel_and_bad_codes_are_clear_errors()
    {
        var feature = new LocalNgtdmFeatures(new LocalTextureSettings { Features = ["QCDE", "NQ30"], ChannelPrefix = "adc_" });
        Assert.Equal(["adc_ngtdm_coarseness_box1vox", "adc_ngtdm_busyness_box1vox"], feature.ChannelNames);
        Assert.Equal(5, new LocalNgtdmFeatures().ChannelNames.Count);
        Assert.Contains("not the IBSI code of an NGTDM feature", Assert.Throws<ArgumentException>(() => new LocalNgtdmFeatures(new LocalTextureSettings { Features = ["ACUI"] })).Message, StringComparison.Ordinal);
    }
}
