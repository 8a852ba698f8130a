using Radiomics.Features;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>
/// The reference of every local texture family: the whole-region feature of each region voxel's neighbourhood box,
/// the box cropped from the same discretised grey levels and given to the whole-region extractor.
/// </summary>
internal static class WholeRegionReference
{
    /// <summary>
    /// Asserts that channel c of every region voxel equals the whole-region feature <paramref name="codes"/>[c] of its
    /// box (relative tolerance 1e-5, NaN where the reference is NaN); returns the voxels checked.
    /// </summary>
    public static int AssertEveryVoxel(
        Image<float> image, LabelMap mask, IVoxelFeature feature, LocalKernelSettings settings, IReadOnlyList<string> codes,
        Func<DiscretisedVolume, IReadOnlyList<FeatureValue>> wholeRegion)
    {
        // The whole-region reference is indexed on the scan grid.
        var map = VoxelFeatureMaps.Compute(image, mask, [feature]).OnScanGrid();
        var grid = settings.Discretised(image, mask, mask.BoundingBox()!.Value);
        // The kernel box: a cube, or the in-plane square of the voxel's slice for 2D aggregations.
        int radius = settings.Radius, radiusZ = settings.Aggregation.Is2D() ? 0 : radius, checkedVoxels = 0;
        foreach (int v in map.RegionVoxels())
        {
            int x = v % grid.Size.X, y = v / grid.Size.X % grid.Size.Y, z = v / (grid.Size.X * grid.Size.Y);
            var box = new Size3((2 * radius) + 1, (2 * radius) + 1, (2 * radiusZ) + 1);
            var levels = new int[box.Count];
            for (int i = 0; i < levels.Length; i++)
            {
                levels[i] = grid.At(x - radius + (i % box.X), y - radius + (i / box.X % box.Y), z - radiusZ + (i / (box.X * box.Y)));
            }

            var expected = wholeRegion(new DiscretisedVolume(box, image.Geometry.Spacing, levels, grid.GreyLevels));
            for (int c = 0; c < codes.Count; c++)
            {
                double want = expected.Single(f => f.IbsiCode == codes[c]).Value;
                double got = map.Image.Channel(c)[v];
                Assert.True(
                    (double.IsNaN(want) && double.IsNaN(got)) || Math.Abs(got - want) <= 1e-5 * Math.Max(1, Math.Abs(want)),
                    $"{feature.ChannelNames[c]} at voxel ({x}, {y}, {z}), {settings}: map {got}, whole-region {want}");
            }

            checkedVoxels++;
        }

        return checkedVoxels;
    }

    /// <summary>
    /// A small scan of few grey levels (so that runs and zones form) and a random region of about 70 % of its voxels,
    /// touching the image's faces; <paramref name="constant"/>: every voxel has that intensity.
    /// </summary>
    public static (Image<float> Image, LabelMap Mask) RandomScan(int seed, float? constant = null)
    {
        var geometry = ImageGeometry.Create(7, 6, 5, new Vec3(1, 1, 2));
        var random = new Random(seed);
        var intensities = new float[geometry.Size.Count];
        var labels = new byte[geometry.Size.Count];
        for (int v = 0; v < labels.Length; v++)
        {
            intensities[v] = constant ?? random.Next(4);
            labels[v] = v == 0 || random.NextDouble() < 0.7 ? (byte)1 : (byte)0;
        }

        return (new Image<float>(geometry, intensities), new LabelMap(new Image<byte>(geometry, labels)));
    }
}
