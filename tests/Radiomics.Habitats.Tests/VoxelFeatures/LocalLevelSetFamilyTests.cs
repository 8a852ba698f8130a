using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>Local GLRLM ("3D, merged") and GLSZM ("3D") against the whole-region extractor on each voxel's box.</summary>
public class LocalLevelSetFamilyTests
{
    /// <summary>Family, radius, masked kernel, δ (GLSZM zones stay adjacent whatever δ); r = 3 takes the voxel-by-voxel path.</summary>
    public static TheoryData<string, int, bool, int> Kernels => new()
    {
        { "glrlm", 1, true, 1 }, { "glrlm", 1, false, 1 }, { "glrlm", 2, true, 1 }, { "glrlm", 2, false, 2 }, { "glrlm", 3, true, 1 },
        { "glszm", 1, true, 1 }, { "glszm", 1, false, 1 }, { "glszm", 2, true, 1 }, { "glszm", 2, false, 2 }, { "glszm", 3, false, 1 },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Every_voxel_equals_the_whole_region_feature_of_its_neighbourhood_box(string family, int radius, bool masked, int distance)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalTextureSettings { Radius = radius, MaskedKernel = masked, Distance = distance, Discretisation = DiscretisationSettings.FixedBinNumber(6) };
        var (codes, wholeRegion) = Reference(family, distance);
        Assert.Equal(mask.Count(3), WholeRegionReference.AssertEveryVoxel(image, mask, LocalTextureFamilies.Create(family, settings), settings, codes, wholeRegion));
    }

    [Theory]
    [InlineData("glrlm")]
    [InlineData("glszm")]
    public void Random_scans_and_regions_equal_the_whole_region_feature_at_every_voxel(string family)
    {
        var gen = from seed in Gen.Choose(0, 1_000_000) from radius in Gen.Choose(1, 2) from masked in Gen.Elements(true, false) from distance in Gen.Choose(1, 2)
                  select (seed, radius, masked, distance);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (image, mask) = WholeRegionReference.RandomScan(c.seed);
            var settings = new LocalTextureSettings { Radius = c.radius, MaskedKernel = c.masked, Distance = c.distance, Discretisation = DiscretisationSettings.FixedBinNumber(3) };
            var (codes, wholeRegion) = Reference(family, c.distance);
            return WholeRegionReference.AssertEveryVoxel(image, mask, LocalTextureFamilies.Create(family, settings), settings, codes, wholeRegion) == mask.Count(1);
        }).QuickCheckThrowOnFailure();
    }

    private static (string[] Codes, Func<DiscretisedVolume, IReadOnlyList<FeatureValue>> WholeRegion) Reference(string family, int distance)
    {
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance };
        return family == "glrlm"
            ? ([.. Glrlm.Definitions.Select(d => d.Code)], roi => Glrlm.Compute(roi, texture))
            : ([.. Glszm.Definitions.Select(d => d.Code)], roi => Glszm.Compute(roi, texture));
    }
}
