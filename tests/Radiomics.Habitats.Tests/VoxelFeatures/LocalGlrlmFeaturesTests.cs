using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalGlrlmFeaturesTests
{
    private static readonly string[] Codes = [.. Glrlm.Definitions.Select(d => d.Code)];

    [Theory]
    [InlineData(1, true, 1)]
    [InlineData(1, false, 1)]
    [InlineData(2, true, 1)]
    [InlineData(2, false, 2)]
    [InlineData(3, true, 1)]
    public void Every_voxel_equals_the_whole_region_GLRLM_3D_merged_of_its_neighbourhood_box(int radius, bool masked, int distance)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalTextureSettings { Radius = radius, MaskedKernel = masked, Distance = distance, Discretisation = DiscretisationSettings.FixedBinNumber(8) };
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance };
        int checkedVoxels = WholeRegionReference.AssertEveryVoxel(image, mask, new LocalGlrlmFeatures(settings), settings, Codes, roi => Glrlm.Compute(roi, texture));
        Assert.Equal(mask.Count(3), checkedVoxels);
    }

    [Fact]
    public void Random_scans_and_regions_equal_the_whole_region_GLRLM_at_every_voxel()
    {
        var gen = from seed in Gen.Choose(0, 1_000_000) from radius in Gen.Choose(1, 2) from masked in Gen.Elements(true, false) select (seed, radius, masked);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (image, mask) = WholeRegionReference.RandomScan(c.seed);
            var settings = new LocalTextureSettings { Radius = c.radius, MaskedKernel = c.masked, Discretisation = DiscretisationSettings.FixedBinNumber(4) };
            var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D] };
            return WholeRegionReference.AssertEveryVoxel(image, mask, new LocalGlrlmFeatures(settings), settings, Codes, roi => Glrlm.Compute(roi, texture)) == mask.Count(1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_constant_full_box_has_the_runs_counted_by_hand()
    {
        // 3×3×3 box of one level: 3 axis directions with 9 runs of 3; 6 face diagonals with, per slice, runs of
        // 3, 2, 2, 1, 1; 4 body diagonals with 1 run of 3, 6 of 2, 12 of 1. In all 49 runs of 3, 60 of 2, 84 of 1.
        var (image, mask) = WholeRegionReference.RandomScan(5, constant: 40);
        var map = VoxelFeatureMaps.Compute(image, mask, [new LocalGlrlmFeatures(new LocalTextureSettings { MaskedKernel = false })]).OnScanGrid();
        int centre = 3 + (7 * (2 + (6 * 2)));
        double runs = 49 + 60 + 84;
        Assert.True(mask.Image.Voxels[centre] != 0);
        Assert.Equal((84 + (60 / 4.0) + (49 / 9.0)) / runs, map.Channel("glrlm_short_runs_emphasis_box1vox")[centre], 5);
        Assert.Equal((84 + (60 * 4.0) + (49 * 9.0)) / runs, map.Channel("glrlm_long_runs_emphasis_box1vox")[centre], 4);
        Assert.Equal(runs / (13 * 27), map.Channel("glrlm_run_percentage_box1vox")[centre], 5);
        Assert.Equal(1, map.Channel("glrlm_normalised_grey_level_non-uniformity_box1vox")[centre], 5);
        Assert.Equal(((84 * 84) + (60 * 60) + (49 * 49)) / (runs * runs), map.Channel("glrlm_normalised_run_length_non-uniformity_box1vox")[centre], 5);
    }

    [Fact]
    public void Channels_are_named_after_the_feature_and_kernel_and_bad_codes_are_clear_errors()
    {
        var feature = new LocalGlrlmFeatures(new LocalTextureSettings { Features = ["22OV", "HJ9O"], ChannelPrefix = "t2_", Radius = 2 });
        Assert.Equal(["t2_glrlm_short_runs_emphasis_box2vox", "t2_glrlm_run_entropy_box2vox"], feature.ChannelNames);
        Assert.Equal(16, new LocalGlrlmFeatures().ChannelNames.Count);
        Assert.Contains("not the IBSI code of an GLRLM feature", Assert.Throws<ArgumentException>(() => new LocalGlrlmFeatures(new LocalTextureSettings { Features = ["5QRC"] })).Message, StringComparison.Ordinal);
    }
}
