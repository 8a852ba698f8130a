using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Imaging;

public class LabelMapTests
{
    [Fact]
    public void FromImage_accepts_whole_numbers_and_finds_labels_and_box()
    {
        var image = new ImageBuilder<short>(ImageGeometry.Create(4, 3, 2));
        image[1, 1, 0] = 2;
        image[3, 2, 1] = 2;
        image[0, 0, 1] = 5;
        var labels = LabelMap.FromImage(image.ToImage());
        Assert.Equal(new byte[] { 2, 5 }, labels.Labels());
        Assert.Equal(2, labels.Count(2));
        Assert.Equal(new BoundingBox(new Index3(1, 1, 0), new Index3(3, 2, 1)), labels.BoundingBox(2));
        Assert.Equal(new BoundingBox(new Index3(0, 0, 0), new Index3(3, 2, 1)), labels.BoundingBox());
        Assert.Null(labels.BoundingBox(9));
        Assert.Equal(1, labels.Select(5).Count(1));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(256.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void FromImage_rejects_values_that_are_not_labels(double value)
    {
        var image = new Image<double>(ImageGeometry.Create(2, 1, 1), [0, value]);
        var e = Assert.Throws<ArgumentException>(() => LabelMap.FromImage(image, "mask.nii"));
        Assert.Contains("mask.nii", e.Message, StringComparison.Ordinal);
    }
}
