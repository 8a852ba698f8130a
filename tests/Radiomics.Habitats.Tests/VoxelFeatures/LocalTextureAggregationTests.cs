using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>
/// Every local texture family under the 2D, 2.5D and by-direction IBSI aggregations and neighbour distances: each voxel
/// equals the whole-region feature (same aggregation) of its kernel box, the in-plane square for 2D.
/// </summary>
public class LocalTextureAggregationTests
{
    private static readonly string[] Families = ["glcm", "glrlm", "glszm", "ngldm", "ngtdm"];

    /// <summary>Every family with every aggregation other than "3D, merged" (covered by the family tests), masked and unmasked.</summary>
    public static TheoryData<string, TextureAggregation, bool> Aggregations
    {
        get
        {
            var data = new TheoryData<string, TextureAggregation, bool>();
            foreach (var family in Families)
            {
                foreach (var a in Enum.GetValues<TextureAggregation>().Where(a => a != TextureAggregation.Merged3D))
                {
                    data.Add(family, a, true);
                    data.Add(family, a, false);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Aggregations))]
    public void Every_voxel_equals_the_whole_region_feature_with_the_same_aggregation(string family, TextureAggregation aggregation, bool masked)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalTextureSettings { MaskedKernel = masked, Aggregation = aggregation, Discretisation = DiscretisationSettings.FixedBinNumber(6) };
        var (codes, wholeRegion) = Reference(family, settings);
        Assert.Equal(mask.Count(3), WholeRegionReference.AssertEveryVoxel(image, mask, LocalTextureFamilies.Create(family, settings), settings, codes, wholeRegion));
    }

    /// <summary>Radius 2 to 5 (2D squares up to r = 5 fit the 64- and 128-bit sets; 2.5D and 3D cubes of r = 3 go voxel by voxel) and δ = 2.</summary>
    [Theory]
    [InlineData("glszm", TextureAggregation.SliceMerged2D, 5, 1)]
    [InlineData("glrlm", TextureAggregation.Averaged2D, 4, 2)]
    [InlineData("glrlm", TextureAggregation.Averaged2D, 3, 1)]
    [InlineData("glrlm", TextureAggregation.DirectionMerged25D, 3, 2)]
    [InlineData("glrlm", TextureAggregation.Averaged3D, 3, 1)]
    [InlineData("glszm", TextureAggregation.SliceMerged2D, 3, 1)]
    [InlineData("glszm", TextureAggregation.Merged25D, 3, 1)]
    [InlineData("glcm", TextureAggregation.Averaged3D, 2, 2)]
    [InlineData("glcm", TextureAggregation.Averaged2D, 2, 2)]
    [InlineData("ngldm", TextureAggregation.Merged25D, 2, 2)]
    [InlineData("ngldm", TextureAggregation.Averaged2D, 2, 1)]
    [InlineData("ngtdm", TextureAggregation.SliceMerged2D, 2, 2)]
    public void Larger_kernels_and_distances_equal_the_whole_region_feature(string family, TextureAggregation aggregation, int radius, int distance)
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalTextureSettings { Radius = radius, Distance = distance, Aggregation = aggregation, Discretisation = DiscretisationSettings.FixedBinNumber(5) };
        var (codes, wholeRegion) = Reference(family, settings);
        Assert.Equal(mask.Count(3), WholeRegionReference.AssertEveryVoxel(image, mask, LocalTextureFamilies.Create(family, settings), settings, codes, wholeRegion));
    }

    [Fact]
    public void Random_scans_regions_aggregations_and_distances_equal_the_whole_region_feature_at_every_voxel()
    {
        var gen = from seed in Gen.Choose(0, 1_000_000)
                  from family in Gen.Elements(Families)
                  from aggregation in Gen.Elements(Enum.GetValues<TextureAggregation>())
                  from radius in Gen.Choose(1, 2)
                  from masked in Gen.Elements(true, false)
                  from distance in Gen.Choose(1, 2)
                  select (seed, family, aggregation, radius, masked, distance);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (image, mask) = WholeRegionReference.RandomScan(c.seed);
            var settings = new LocalTextureSettings
            {
                Radius = c.radius, MaskedKernel = c.masked, Distance = c.distance, Aggregation = c.aggregation, NgldmCoarseness = c.seed % 2,
                Discretisation = DiscretisationSettings.FixedBinNumber(3),
            };
            var (codes, wholeRegion) = Reference(c.family, settings);
            return WholeRegionReference.AssertEveryVoxel(image, mask, LocalTextureFamilies.Create(c.family, settings), settings, codes, wholeRegion) == mask.Count(1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_GLSZM_distance_leaves_the_zones_adjacent_as_the_whole_region_GLSZM_and_PyRadiomics_do()
    {
        // Zones link voxels at Chebyshev distance 1 whatever δ: the maps for δ = 1 and δ = 3 are identical.
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var near = VoxelFeatureMaps.Compute(image, mask, [new LocalGlszmFeatures(new LocalTextureSettings { Radius = 2 })]).Image.Voxels.ToArray();
        var far = VoxelFeatureMaps.Compute(image, mask, [new LocalGlszmFeatures(new LocalTextureSettings { Radius = 2, Distance = 3 })]).Image.Voxels.ToArray();
        Assert.Equal(near, far);
    }

    [Fact]
    public void A_2D_kernel_is_the_in_plane_square_and_names_carry_the_aggregation()
    {
        var planar = LocalTextureFamilies.Create("glcm", new LocalTextureSettings { Radius = 2, Aggregation = TextureAggregation.Averaged2D });
        Assert.Equal(new Index3(2, 2, 0), planar.Margin(ImageGeometry.Create(9, 9, 9)));
        Assert.Equal("glcm_joint_maximum_box2vox_2d_averaged", planar.ChannelNames[0]);
        Assert.Equal("glrlm_short_runs_emphasis_box1vox_25d_direction_merged", LocalTextureFamilies.Create("glrlm", new LocalTextureSettings { Aggregation = TextureAggregation.DirectionMerged25D }).ChannelNames[0]);
        Assert.Equal("glrlm_short_runs_emphasis_box1vox_3d_averaged", LocalTextureFamilies.Create("glrlm", new LocalTextureSettings { Aggregation = TextureAggregation.Averaged3D }).ChannelNames[0]);
        Assert.Equal("glszm_small_zone_emphasis_box1vox_2d", LocalTextureFamilies.Create("glszm", new LocalTextureSettings { Aggregation = TextureAggregation.SliceMerged2D }).ChannelNames[0]);
        Assert.Equal("ngtdm_coarseness_box1vox_25d", LocalTextureFamilies.Create("ngtdm", new LocalTextureSettings { Aggregation = TextureAggregation.Merged25D }).ChannelNames[0]);
        Assert.Equal("ngldm_low_dependence_emphasis_box1vox", LocalTextureFamilies.Create("ngldm", new LocalTextureSettings { Aggregation = TextureAggregation.Averaged3D }).ChannelNames[0]);
        Assert.Equal(new Index3(1, 1, 1), LocalTextureFamilies.Create("ngtdm", new LocalTextureSettings { Aggregation = TextureAggregation.Merged25D }).Margin(ImageGeometry.Create(9, 9, 9)));
        var e = Assert.Throws<InvalidInputException>(() => LocalTextureFamilies.Create("firstorder", new LocalTextureSettings { Aggregation = TextureAggregation.Averaged2D }));
        Assert.Contains("firstorder statistics have no '2D, averaged' variant", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2D_map_of_a_single_slice_region_reads_nothing_from_the_neighbouring_slices()
    {
        // The same slice inside two different volumes: the in-plane kernel gives the same 2D values.
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var settings = new LocalTextureSettings { MaskedKernel = false, Aggregation = TextureAggregation.SliceMerged2D, Discretisation = DiscretisationSettings.FixedBinSize(4) };
        var slice = new BoundingBox(new Index3(0, 0, 4), new Index3(21, 18, 4));
        var thick = new BoundingBox(new Index3(0, 0, 3), new Index3(21, 18, 5));
        foreach (var family in Families)
        {
            var one = VoxelFeatureMaps.Compute(image.Crop(slice), new LabelMap(mask.Image.Crop(slice)), [LocalTextureFamilies.Create(family, settings)]).OnScanGrid();
            var inVolume = VoxelFeatureMaps.Compute(image.Crop(thick), new LabelMap(OnlySlice(mask.Image.Crop(thick), 1)), [LocalTextureFamilies.Create(family, settings)]).OnScanGrid();
            int plane = 22 * 19;
            Assert.Equal(one.Image.Voxels.ToArray().Take(plane), inVolume.Image.Voxels.ToArray().Skip(plane).Take(plane));
        }
    }

    private static Image<byte> OnlySlice(Image<byte> mask, int z)
    {
        var b = mask.ToBuilder();
        int plane = mask.Geometry.Size.X * mask.Geometry.Size.Y;
        for (int v = 0; v < mask.Voxels.Length; v++)
        {
            if (v / plane != z)
            {
                b.Voxels[v] = 0;
            }
        }

        return b.ToImage();
    }

    internal static (string[] Codes, Func<DiscretisedVolume, IReadOnlyList<FeatureValue>> WholeRegion) Reference(string family, LocalTextureSettings settings)
    {
        var texture = new TextureSettings { Aggregations = [settings.Aggregation], Distance = settings.Distance, NgldmCoarseness = settings.NgldmCoarseness };
        return family switch
        {
            "glcm" => ([.. GlcmFeatures.Definitions.Select(d => d.Code)], roi => Glcm.Compute(roi, texture)),
            "glrlm" => ([.. Glrlm.Definitions.Select(d => d.Code)], roi => Glrlm.Compute(roi, texture)),
            "glszm" => ([.. Glszm.Definitions.Select(d => d.Code)], roi => Glszm.Compute(roi, texture)),
            "ngldm" => ([.. Ngldm.Definitions.Select(d => d.Code)], roi => Ngldm.Compute(roi, texture)),
            _ => ([.. Ngtdm.Definitions.Select(d => d.Code)], roi => Ngtdm.Compute(roi, texture)),
        };
    }
}
