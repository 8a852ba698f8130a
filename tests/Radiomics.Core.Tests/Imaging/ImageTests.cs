using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Imaging;

public class ImageTests
{
    [Fact]
    public void Voxels_are_stored_x_fastest()
    {
        var image = new ImageBuilder<int>(ImageGeometry.Create(3, 4, 5));
        image[2, 1, 3] = 7;
        Assert.Equal(7, image.Voxels[2 + 3 * (1 + 4 * 3)]);
    }

    [Fact]
    public void Components_are_planar_blocks()
    {
        var image = new ImageBuilder<float>(ImageGeometry.Create(2, 2, 1), components: 3);
        image[1, 0, 0, 2] = 5;
        Assert.Equal(5, image.Channel(2)[1]);
        Assert.Equal(5, image.Voxels[2 * 4 + 1]);
    }

    [Fact]
    public void Buffer_length_must_match_geometry() =>
        Assert.Throws<ArgumentException>(() => new Image<short>(ImageGeometry.Create(2, 2, 2), new short[7]));

    [Fact]
    public void Crop_then_Paste_restores_the_image_and_leaves_the_source_unchanged()
    {
        var image = TestImages.Random<short>(TestImages.Oblique(), seed: 3);
        var before = image.Clone();
        var box = new BoundingBox(new Index3(1, 2, 0), new Index3(4, 5, 3));
        var patch = image.Crop(box);
        Assert.Equal(image[3, 4, 2], patch[2, 2, 2]);
        var zeroed = new Image<short>(image.Geometry);
        var pasted = zeroed.Paste(patch);
        Assert.Equal(image[3, 4, 2], pasted[3, 4, 2]);
        Assert.Equal(0, pasted[0, 0, 0]);
        Assert.All(zeroed.Voxels.ToArray(), v => Assert.Equal(0, v));
        Assert.True(before.Voxels.SequenceEqual(image.Voxels));
    }

    [Fact]
    public void Paste_refuses_a_patch_off_the_grid()
    {
        var image = new Image<byte>(TestImages.Oblique());
        var patch = image.Crop(new BoundingBox(new Index3(0, 0, 0), new Index3(1, 1, 1)));
        var shifted = new Image<byte>(patch.Geometry.WithOrigin(patch.Geometry.Origin + new Vec3(0.3, 0, 0)));
        Assert.Throws<GeometryMismatchException>(() => image.Paste(shifted));
    }

    [Fact]
    public void ConvertTo_saturates_and_Range_ignores_NaN()
    {
        var image = new Image<float>(ImageGeometry.Create(4, 1, 1), [-5f, 300.7f, float.NaN, 12f]);
        var bytes = image.ConvertTo<byte>();
        Assert.Equal(new byte[] { 0, 255, 0, 12 }, bytes.Voxels.ToArray());
        Assert.Equal((-5.0, 300.7f), image.Range());
        Assert.Equal(1, image.CountNonFinite());
    }

    [Fact]
    public void Range_of_an_all_NaN_image_is_NaN()
    {
        var image = new Image<double>(ImageGeometry.Create(2, 1, 1), [double.NaN, double.NaN]);
        var (min, max) = image.Range();
        Assert.True(double.IsNaN(min) && double.IsNaN(max));
    }
}
