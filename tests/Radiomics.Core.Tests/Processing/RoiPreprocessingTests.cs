using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Synthetic;

namespace Radiomics.Core.Tests.Processing;

public class RoiPreprocessingTests
{
    private static (Image<float> Image, LabelMap Mask) Tumour() =>
        SyntheticTumour.Create(new SyntheticTumourSettings { Size = new Size3(48, 44, 20), Spacing = new Vec3(0.9, 0.9, 2.5), Radii = new Vec3(9, 8, 7) });

    [Fact]
    public void Without_resampling_the_grid_is_a_sub_grid_of_the_image_with_room_for_the_local_intensity_sphere()
    {
        var (image, mask) = Tumour();
        var roi = RoiPreprocessing.Run(image, mask, new FeatureSettings()).Roi;
        var offset = roi.Geometry.OffsetIn(image.Geometry);
        Assert.NotNull(offset);
        var box = mask.BoundingBox()!.Value;
        Assert.True(box.Min.X - offset.Value.X >= Math.Ceiling(LocalIntensity.SphereRadius / 0.9));
        Assert.True(box.Min.Z - offset.Value.Z >= Math.Ceiling(LocalIntensity.SphereRadius / 2.5));
        var size = roi.Geometry.Size;
        for (int i = 0; i < size.Count; i += 37)
        {
            int x = i % size.X, y = i / size.X % size.Y, z = i / (size.X * size.Y);
            var o = offset.Value;
            Assert.Equal(image[o.X + x, o.Y + y, o.Z + z], roi.Intensities[i]);
            Assert.Equal(mask[o.X + x, o.Y + y, o.Z + z] != 0, roi.MorphologicalMask[i]);
        }
    }

    [Fact]
    public void With_resampling_the_grid_is_part_of_the_IBSI_grid_and_holds_the_resampled_image()
    {
        var (image, mask) = Tumour();
        var settings = new FeatureSettings { Resampling = new ResamplingSettings { Spacing = new Vec3(1.5, 1.5, 1.5), Interpolator = Interpolator.BSpline, RoundIntensities = true } };
        var roi = RoiPreprocessing.Run(image, mask, settings).Roi;
        var grid = Resample.Grid(image.Geometry, settings.Resampling.Spacing);
        var offset = roi.Geometry.OffsetIn(grid)!.Value;
        var size = roi.Geometry.Size;
        var box = new BoundingBox(offset, offset + new Index3(size.X - 1, size.Y - 1, size.Z - 1));
        var expected = Resample.Image(image, settings.Resampling, box);
        var expectedMask = Resample.Mask(mask, settings.Resampling, box);
        Assert.Equal(expected.Voxels.ToArray(), roi.Intensities.ToArray());
        Assert.Equal(expectedMask.Voxels.ToArray().Select(v => v != 0), roi.MorphologicalMask.ToArray());
    }

    [Fact]
    public void The_intensity_mask_is_the_re_segmented_morphological_mask()
    {
        var (image, mask) = Tumour();
        var settings = new FeatureSettings { Resegmentation = new ResegmentationSettings { Minimum = 30, Maximum = 150 } };
        var pre = RoiPreprocessing.Run(image, mask, settings);
        var roi = pre.Roi;
        int morph = 0, inten = 0;
        for (int i = 0; i < roi.Intensities.Length; i++)
        {
            morph += roi.MorphologicalMask[i] ? 1 : 0;
            inten += roi.IntensityMask[i] ? 1 : 0;
            Assert.Equal(roi.MorphologicalMask[i] && roi.Intensities[i] is >= 30 and <= 150, roi.IntensityMask[i]);
        }

        Assert.True(inten < morph);
        Assert.Equal(mask.Count(1), morph);
        Assert.Equal((30.0, 150.0), pre.ResegmentationRange);
        Assert.Equal(inten, pre.RoiIntensities.Length);
        Assert.Equal(inten, pre.Discretised.Levels.ToArray().Count(l => l > 0));
        Assert.Equal(inten, pre.IntensityVolumeHistogram.Values.Length);
        Assert.Equal(mask.BoundingBox()!.Value.Size, pre.Discretised.Size);
    }

    [Fact]
    public void Input_rounding_applies_before_interpolation()
    {
        var g = ImageGeometry.Create(6, 6, 6);
        var image = new ImageBuilder<float>(g);
        image.Voxels.Fill(10.4f);
        var labels = new ImageBuilder<byte>(g);
        // A 2 × 2 × 2 block: a single voxel would vanish (trilinear partial volume 0.75³ < 0.5 at twice the resolution).
        foreach (var (x, y, z) in new[] { (2, 2, 2), (3, 2, 2), (2, 3, 2), (3, 3, 2), (2, 2, 3), (3, 2, 3), (2, 3, 3), (3, 3, 3) })
        {
            labels[x, y, z] = 1;
        }

        var settings = new FeatureSettings { RoundInputIntensities = true, Resampling = new ResamplingSettings { Spacing = new Vec3(0.5, 0.5, 0.5) } };
        var roi = RoiPreprocessing.Run(image.ToImage(), new LabelMap(labels.ToImage()), settings).Roi;
        Assert.All(roi.Intensities.ToArray(), v => Assert.Equal(10, v));
        roi = RoiPreprocessing.Run(image.ToImage(), new LabelMap(labels.ToImage()), settings with { RoundInputIntensities = false }).Roi;
        Assert.All(roi.Intensities.ToArray(), v => Assert.Equal(10.4, v, 5));
    }
}
