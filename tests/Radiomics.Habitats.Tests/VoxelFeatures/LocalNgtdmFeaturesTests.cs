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
        // The whole-region reference is indexed on the scan grid.
        var map = VoxelFeatureMaps.Compute(image, mask, [feature]).OnScanGrid();
        var grid = feature.Discretised(image, mask, mask.BoundingBox()!.Value);
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance };
        int checkedVoxels = 0;
        foreach (int v in map.RegionVoxels())
        {
            int x = v % grid.Size.X, y = v / grid.Size.X % grid.Size.Y, z = v / (grid.Size.X * grid.Size.Y);
            var box = new Size3((2 * radius) + 1, (2 * radius) + 1, (2 * radius) + 1);
            var levels = new int[box.Count];
            int i = 0;
            for (int k = -radius; k <= radius; k++)
            {
                for (int j = -radius; j <= radius; j++)
                {
                    for (int h = -radius; h <= radius; h++)
                    {
                        levels[i++] = grid.At(x + h, y + j, z + k);
                    }
                }
            }

            var expected = Ngtdm.Compute(new DiscretisedVolume(box, image.Geometry.Spacing, levels, grid.GreyLevels), texture);
            for (int c = 0; c < Ngtdm.Definitions.Count; c++)
            {
                double want = expected.First(f => f.IbsiCode == Ngtdm.Definitions[c].Code).Value;
                double got = map.Image.Channel(c)[v];
                Assert.True(
                    (double.IsNaN(want) && double.IsNaN(got)) || Math.Abs(got - want) <= 1e-5 * Math.Max(1, Math.Abs(want)),
                    $"{Ngtdm.Definitions[c].Name} at voxel ({x}, {y}, {z}), radius {radius}, masked {masked}, δ {distance}: map {got}, whole-region {want}");
            }

            checkedVoxels++;
        }

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
