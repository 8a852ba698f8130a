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

            var expected = Glcm.Compute(new DiscretisedVolume(box, image.Geometry.Spacing, levels, grid.GreyLevels), texture);
            for (int c = 0; c < AllCodes.Length; c++)
            {
                double want = expected.Single(f => f.IbsiCode == AllCodes[c]).Value;
                double got = map.Image.Channel(c)[v];
                Assert.True(
                    (double.IsNaN(want) && double.IsNaN(got)) || Math.Abs(got - want) <= 1e-5 * Math.Max(1, Math.Abs(want)),
                    $"{GlcmFeatures.Definitions[c].Name} at voxel ({x}, {y}, {z}), radius {radius}, masked {masked}, δ {distance}: map {got}, whole-region {want}");
            }

            checkedVoxels++;
        }

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
