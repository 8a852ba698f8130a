using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.TestSupport;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>
/// Maps are computed on the region's bounding box plus the kernel margin only: the same values at every region voxel
/// as on the whole grid, at the same physical place, with memory that follows the region.
/// </summary>
public class VoxelFeatureMapsCropTests
{
    /// <summary>Every local family, unmasked kernels (they read beyond the region, so the margin matters).</summary>
    private static IVoxelFeature[] AllFamilies() =>
    [
        new IntensityFeature(),
        new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = Enum.GetValues<LocalStatistic>(), MaskedKernel = false }),
        new LocalFirstOrderFeatures(new LocalFirstOrderSettings
        {
            Kernel = StructuringElement.Ball(3), Statistics = [LocalStatistic.Mean, LocalStatistic.Median, LocalStatistic.Entropy], MaskedKernel = false, ChannelPrefix = "ball_",
        }),
        new LocalGlcmFeatures(new LocalGlcmSettings { MaskedKernel = false }),
        new LocalNgtdmFeatures(new LocalTextureSettings { Radius = 2, MaskedKernel = false }),
        new LocalNgldmFeatures(new LocalTextureSettings { MaskedKernel = false }),
    ];

    /// <summary>The same source forced onto the whole grid: the map as it was computed before cropping.</summary>
    private sealed class WholeGrid(IVoxelFeature inner) : IVoxelFeature
    {
        public IReadOnlyList<string> ChannelNames => inner.ChannelNames;

        public void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress) =>
            inner.Compute(image, region, output, progress);
    }

    private static void AssertSameAtRegionVoxels(Image<float> image, LabelMap mask, IVoxelFeature[] features, byte? label = null)
    {
        var cropped = VoxelFeatureMaps.Compute(image, mask, features, label);
        var whole = VoxelFeatureMaps.Compute(image, mask, [.. features.Select(f => new WholeGrid(f))], label);
        Assert.Equal(image.Geometry, whole.Geometry);
        Assert.Equal(image.Geometry, cropped.ScanGeometry);
        Assert.True(cropped.Image.VoxelCount < image.VoxelCount, $"map {cropped.Geometry.Size} of scan {image.Geometry.Size}");

        // Same physical place: the map's first voxel is the scan's voxel at the offset; spacing and direction kept.
        Assert.Equal(image.Geometry.Spacing, cropped.Geometry.Spacing);
        Assert.Equal(image.Geometry.Direction, cropped.Geometry.Direction);
        Assert.True((image.Geometry.IndexToPhysical(cropped.Offset.X, cropped.Offset.Y, cropped.Offset.Z) - cropped.Geometry.Origin).MaxAbs < 1e-9);

        var regionVoxels = cropped.RegionVoxels();
        var wholeVoxels = whole.RegionVoxels();
        Assert.Equal(wholeVoxels, regionVoxels.Select(cropped.ScanVoxel));
        for (int c = 0; c < cropped.ChannelNames.Count; c++)
        {
            var a = cropped.Image.Channel(c);
            var b = whole.Image.Channel(c);
            for (int i = 0; i < regionVoxels.Length; i++)
            {
                float got = a[regionVoxels[i]], want = b[wholeVoxels[i]];
                Assert.True(BitConverter.SingleToInt32Bits(got) == BitConverter.SingleToInt32Bits(want) || (float.IsNaN(got) && float.IsNaN(want)),
                    $"{cropped.ChannelNames[c]} at scan voxel {wholeVoxels[i]}: cropped {got}, whole grid {want}");
            }
        }

        // The habitats the same model finds are the same voxels on the scan grid (channels that are finite everywhere).
        var model = HabitatModel.Fit([whole], new HabitatSettings
        {
            Channels = ["intensity", "mean_box1vox", "sd_box1vox"], KMeans = new KMeansSettings { NClusters = 3, Seed = 0 },
        });
        Assert.Equal(model.Predict(whole).Voxels.ToArray(), model.Predict(cropped).Voxels.ToArray());
    }

    [SharedDataFact]
    public void Brain1_maps_of_every_family_are_the_same_on_the_cropped_box_as_on_the_whole_grid()
    {
        string folder = SharedData.Path("data", "pyradiomics");
        var image = ImageFile.Read<float>(Path.Combine(folder, "brain1_image.nrrd"));
        var mask = ImageFile.ReadLabelMap(Path.Combine(folder, "brain1_label.nrrd"));
        AssertSameAtRegionVoxels(image, mask, AllFamilies());
        var map = VoxelFeatureMaps.Compute(image, mask, AllFamilies());
        // The box of the tumour grown by the largest margin per axis, clipped to the scan: in-plane the 3 mm ball
        // (3 voxels of 0.78 mm), through-plane NGTDM's r = 2 voxels (the ball stays in its 6.5 mm slice).
        var expected = mask.BoundingBox()!.Value.Pad(new Index3(3, 3, 2), image.Geometry.Size);
        Assert.Equal(expected.Size, map.Geometry.Size);
        Assert.Equal(expected.Min, map.Offset);
    }

    [Fact]
    public void A_region_touching_the_image_border_keeps_its_values()
    {
        // A blob in the corner: it touches x = 0, y = 0 and the last slice, where the kernel margin is clipped.
        var geometry = ImageGeometry.Create(30, 26, 9, new Vec3(0.8, 0.8, 2.5));
        var image = new ImageBuilder<float>(geometry);
        var mask = new ImageBuilder<byte>(geometry);
        var random = new Random(4);
        for (int z = 0; z < 9; z++)
        {
            for (int y = 0; y < 26; y++)
            {
                for (int x = 0; x < 30; x++)
                {
                    image[x, y, z] = (float)((100 * Math.Sin(0.3 * x) * Math.Cos(0.2 * y)) + (10 * z) + (20 * random.NextDouble()));
                    double d = Math.Sqrt((x * x) + (y * y) + ((8 - z) * (8 - z) * 4));
                    mask[x, y, z] = d < 12 ? (byte)2 : d < 14 ? (byte)1 : (byte)0;
                }
            }
        }

        AssertSameAtRegionVoxels(image.ToImage(), new LabelMap(mask.ToImage()), AllFamilies());
        AssertSameAtRegionVoxels(image.ToImage(), new LabelMap(mask.ToImage()), AllFamilies(), label: 2);
    }

    [Fact]
    public void A_small_region_of_a_large_slab_maps_only_its_box()
    {
        var geometry = ImageGeometry.Create(4096, 4096, 1);
        var image = new ImageBuilder<float>(geometry);
        var mask = new ImageBuilder<byte>(geometry);
        for (int y = 2000; y < 2010; y++)
        {
            for (int x = 3000; x < 3012; x++)
            {
                image[x, y, 0] = x + y;
                mask[x, y, 0] = 1;
            }
        }

        var map = VoxelFeatureMaps.Compute(image.ToImage(), new LabelMap(mask.ToImage()), [new IntensityFeature(), new LocalGlcmFeatures(), new LocalFirstOrderFeatures()]);
        Assert.Equal(new Size3(14, 12, 1), map.Geometry.Size);
        Assert.Equal(new Index3(2999, 1999, 0), map.Offset);
        Assert.Equal(120, map.RegionVoxels().Length);
        Assert.Equal(3000f + 2000f, map.Channel("intensity")[map.RegionVoxels()[0]]);
    }

    [Fact]
    public void A_filter_response_needs_the_whole_grid_and_an_image_channel_is_cropped_with_the_map()
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var filtered = VoxelFeatureMaps.Compute(image, mask, [new FilteredImageFeature(new Radiomics.Filters.LaplacianOfGaussianSettings { Sigma = 1.5 })]);
        Assert.Equal(image.Geometry, filtered.Geometry);

        var twice = image.ToBuilder();
        for (int i = 0; i < twice.Voxels.Length; i++)
        {
            twice.Voxels[i] *= 2;
        }

        var map = VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature(), new ImageChannelFeature("twice", twice.ToImage())]);
        Assert.True(map.Image.VoxelCount < image.VoxelCount);
        foreach (int v in map.RegionVoxels())
        {
            Assert.Equal(2 * map.Channel("intensity")[v], map.Channel("twice")[v]);
        }
    }

    [Fact]
    public void A_cropped_map_written_and_read_back_with_the_scan_mask_is_on_the_same_grid()
    {
        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var map = VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature()]);
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "map.nii.gz");
        map.Write(path);
        var back = VoxelFeatureMap.Read(path, mask);
        Assert.True(back.Geometry.Matches(map.Geometry));
        Assert.Equal(image.Geometry.Size, back.ScanGeometry.Size);
        Assert.Equal(map.Offset, back.Offset);
        Assert.Equal(map.RegionVoxels(), back.RegionVoxels());
    }
}
