using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalGlszmFeaturesTests
{
    private static readonly string[] Codes = [.. Glszm.Definitions.Select(d => d.Code)];

    [Theory]
    [InlineData(1, true)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Every_voxel_equals_the_whole_region_GLSZM_3D_of_its_neighbourhood_box(int radius, bool masked)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalTextureSettings { Radius = radius, MaskedKernel = masked, Discretisation = DiscretisationSettings.FixedBinNumber(4) };
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D] };
        int checkedVoxels = WholeRegionReference.AssertEveryVoxel(image, mask, new LocalGlszmFeatures(settings), settings, Codes, roi => Glszm.Compute(roi, texture));
        Assert.Equal(mask.Count(3), checkedVoxels);
    }

    [Fact]
    public void Random_scans_and_regions_equal_the_whole_region_GLSZM_at_every_voxel()
    {
        var gen = from seed in Gen.Choose(0, 1_000_000) from radius in Gen.Choose(1, 2) from masked in Gen.Elements(true, false) select (seed, radius, masked);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (image, mask) = WholeRegionReference.RandomScan(c.seed);
            var settings = new LocalTextureSettings { Radius = c.radius, MaskedKernel = c.masked, Discretisation = DiscretisationSettings.FixedBinNumber(3) };
            var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D] };
            return WholeRegionReference.AssertEveryVoxel(image, mask, new LocalGlszmFeatures(settings), settings, Codes, roi => Glszm.Compute(roi, texture)) == mask.Count(1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_constant_image_is_one_zone_per_box_whatever_the_radius()
    {
        // An unmasked box of one level inside the image is a single zone of (2r + 1)³ voxels.
        Prop.ForAll(Gen.Choose(1, 2).ToArbitrary(), Gen.Choose(-1000, 1000).ToArbitrary(), (radius, value) =>
        {
            var (image, mask) = WholeRegionReference.RandomScan(9, constant: value);
            var map = VoxelFeatureMaps.Compute(image, mask, [new LocalGlszmFeatures(new LocalTextureSettings { Radius = radius, MaskedKernel = false })]).OnScanGrid();
            int centre = 3 + (7 * (2 + (6 * 2))), n = (int)Math.Pow((2 * radius) + 1, 3);
            var f = Codes.Select((_, c) => (double)map.Image.Channel(c)[centre]).ToArray();
            return mask.Image.Voxels[centre] != 0
                && Math.Abs(f[0] - (1.0 / n / n)) < 1e-9 && Math.Abs(f[1] - ((double)n * n)) < 1e-3 * n * n
                && f[9] == 1 && f[11] == 1 && Math.Abs(f[12] - (1.0 / n)) < 1e-7 && f[13] == 0 && f[14] == 0 && f[15] == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Channels_are_named_after_the_feature_and_kernel_and_bad_codes_are_clear_errors()
    {
        var feature = new LocalGlszmFeatures(new LocalTextureSettings { Features = ["5QRC", "GU8N"], ChannelPrefix = "adc_" });
        Assert.Equal(["adc_glszm_small_zone_emphasis_box1vox", "adc_glszm_zone_size_entropy_box1vox"], feature.ChannelNames);
        Assert.Equal(16, new LocalGlszmFeatures().ChannelNames.Count);
        Assert.Contains("not the IBSI code of an GLSZM feature", Assert.Throws<ArgumentException>(() => new LocalGlszmFeatures(new LocalTextureSettings { Features = ["22OV"] })).Message, StringComparison.Ordinal);
    }
}
