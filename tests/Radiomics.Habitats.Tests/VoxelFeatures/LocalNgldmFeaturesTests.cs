using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalNgldmFeaturesTests
{
    [Theory]
    [InlineData(1, true, 1, 0)]
    [InlineData(1, false, 1, 1)]
    [InlineData(2, true, 1, 0)]
    [InlineData(2, false, 2, 0)]
    public void Every_voxel_equals_the_whole_region_NGLDM_of_its_neighbourhood_box(int radius, bool masked, int distance, int alpha)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var feature = new LocalNgldmFeatures(new LocalTextureSettings
        {
            Radius = radius, MaskedKernel = masked, Distance = distance, NgldmCoarseness = alpha, Discretisation = DiscretisationSettings.FixedBinNumber(8),
        });
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance, NgldmCoarseness = alpha };
        int checkedVoxels = WholeRegionReference.AssertEveryVoxel(image, mask, feature, feature.Settings, [.. Ngldm.Definitions.Select(d => d.Code)], roi => Ngldm.Compute(roi, texture));
        Assert.Equal(mask.Count(3), checkedVoxels);
    }

    [Fact]
    public void Channels_are_named_after_the_feature_and_kernel_and_bad_codes_are_clear_errors()
    {
        var feature = new LocalNgldmFeatures(new LocalTextureSettings { Features = ["SODN", "CAS9"], ChannelPrefix = "adc_" });
        Assert.Equal(["adc_ngldm_low_dependence_emphasis_box1vox", "adc_ngldm_dependence_count_energy_box1vox"], feature.ChannelNames);
        Assert.Equal(17, new LocalNgldmFeatures().ChannelNames.Count);
        Assert.Contains("not the IBSI code of an NGLDM feature", Assert.Throws<ArgumentException>(() => new LocalNgldmFeatures(new LocalTextureSettings { Features = ["ACUI"] })).Message, StringComparison.Ordinal);
    }
}
