using Radiomics.Filters;
using Radiomics.Habitats.VoxelFeatures;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class FilteredImageFeatureTests
{
    [Fact]
    public void The_channel_is_the_filter_response_at_the_region_voxels_and_zero_elsewhere()
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var log = new LaplacianOfGaussianSettings { Sigma = 1.5 };
        var feature = new FilteredImageFeature(log, "ct_");
        Assert.Equal(["ct_" + log.ImageTypeName()], feature.ChannelNames);
        var map = VoxelFeatureMaps.Compute(image, mask, [feature, new IntensityFeature()]);
        var response = log.Apply(image.ConvertTo<double>());
        int inside = 0;
        for (int v = 0; v < mask.Voxels.Length; v++)
        {
            float got = map.Image.Channel(0)[v];
            if (mask.Voxels[v] != 0)
            {
                Assert.Equal((float)response.Voxels[v], got);
                inside++;
            }
            else
            {
                Assert.Equal(0, got);
            }
        }

        Assert.Equal(mask.Count(3), inside);
        Assert.Throws<ArgumentException>(() => new FilteredImageFeature(new ImageType()));
    }
}
