using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Imaging;

public class ImageBuilderTests
{
    [Fact]
    public void ToImage_hands_over_the_voxels_set_through_every_accessor()
    {
        var builder = new ImageBuilder<short>(ImageGeometry.Create(3, 2, 2), components: 2);
        builder[1, 0, 0] = 7;
        builder[2, 1, 1, 1] = -4;
        builder[new Index3(0, 1, 0)] += 3;
        builder.Channel(1)[0] = 9;
        builder.Voxels[^1] += 1;
        var image = builder.ToImage();
        Assert.Equal(7, image[1, 0, 0]);
        Assert.Equal(3, image[0, 1, 0]);
        Assert.Equal(9, image[0, 0, 0, 1]);
        Assert.Equal(-3, image[2, 1, 1, 1]);
        Assert.Equal(7 + 3 + 9 - 3, image.Sum());
        Assert.Same(image, builder.ToImage());
    }

    [Fact]
    public void A_builder_takes_no_writes_once_its_image_exists()
    {
        var builder = new ImageBuilder<float>(ImageGeometry.Create(2, 2, 1));
        builder[0, 0, 0] = 1;
        var image = builder.ToImage();
        Assert.Throws<InvalidOperationException>(() => builder[1, 1, 0] = 5);
        Assert.Throws<InvalidOperationException>(() => builder.Voxels.Fill(5));
        Assert.Equal([1f, 0, 0, 0], image.Voxels.ToArray());
    }

    [Fact]
    public void ToBuilder_changes_a_copy_and_leaves_the_image_as_it_was()
    {
        var image = new Image<byte>(ImageGeometry.Create(2, 1, 1), [1, 2]);
        var copy = image.ToBuilder();
        copy[0, 0, 0] = 9;
        Assert.Equal([9, 2], copy.ToImage().Voxels.ToArray());
        Assert.Equal([1, 2], image.Voxels.ToArray());
    }

    [Fact]
    public void Converting_to_the_own_voxel_type_shares_the_read_only_image()
    {
        var image = new Image<float>(ImageGeometry.Create(2, 1, 1), [1.5f, -2]);
        Assert.Same(image, image.ConvertTo<float>());
        Assert.Equal([1.5, -2.0], image.ConvertTo<double>().Voxels.ToArray());
    }
}
