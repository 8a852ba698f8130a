using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>Local GLRLM ("3D, merged") and GLSZM ("3D") against the whole-region extractor on each voxel's box.</summary>
public class LocalLevelSetFamilyTests
{
    /// <summary>Family, radius, masked kernel, δ (GLSZM ignores δ); r = 3 takes the voxel-by-voxel path.</summary>
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
        var (codes, wholeRegion) = Reference(family, 1);
        WholeRegionReference.HoldsOnRandomScans(s => LocalTextureFamilies.Create(family, s), codes, wholeRegion);
    }

    private static (string[] Codes, Func<DiscretisedVolume, IReadOnlyList<FeatureValue>> WholeRegion) Reference(string family, int distance)
    {
        var texture = new TextureSettings { Aggregations = [TextureAggregation.Merged3D], Distance = distance };
        return family == "glrlm"
            ? ([.. Glrlm.Definitions.Select(d => d.Code)], roi => Glrlm.Compute(roi, texture))
            : ([.. Glszm.Definitions.Select(d => d.Code)], roi => Glszm.Compute(roi, texture));
    }
}
