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
        // The whole-region reference is indexed on the scan grid.
        var map = VoxelFeatureMaps.Compute(image, mask, [feature]).OnScanGrid();
        var grid = feature.Discretised(image, mask, mask.BoundingBox()!.Value);
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance, NgldmCoarseness = alpha };
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

            var expected = Ngldm.Compute(new DiscretisedVolume(box, image.Geometry.Spacing, levels, grid.GreyLevels), texture);
            for (int c = 0; c < Ngldm.Definitions.Count; c++)
            {
                double want = expected.First(f => f.IbsiCode == Ngldm.Definitions[c].Code).Value;
                double got = map.Image.Channel(c)[v];
                Assert.True(
                    (double.IsNaN(want) && double.IsNaN(got)) || Math.Abs(got - want) <= 1e-5 * Math.Max(1, Math.Abs(want)),
                    $"{Ngldm.Definitions[c].Name} at voxel ({x}, {y}, {z}), radius {radius}, masked {masked}, δ {distance}, α {alpha}: map {got}, whole-region {want}");
            }

            checkedVoxels++;
        }

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
