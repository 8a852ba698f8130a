using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Imaging;

/// <summary><see cref="Image.ToFloat"/>, <see cref="Image.SampledPercentiles"/>, <see cref="Image.Apply{TResult}"/> and <see cref="Image{T}.OnGrid"/>.</summary>
public class ImageConversionTests
{
    public static TheoryData<PixelType> Types => [.. Enum.GetValues<PixelType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void ToFloat_is_the_float_shift_and_scale_of_every_stored_value_whatever_the_voxel_type(PixelType type)
    {
        var image = TestImages.RandomOfType(type, TestImages.Oblique(), seed: 5, components: 2);
        double lo = -37.25, hi = 912.5;
        var scaled = image.ToFloat(lo, 1 / (hi - lo));
        var plain = image.ConvertTo<double>().Voxels;
        float scale = (float)(1 / (hi - lo)), shift = (float)lo;
        Assert.Equal(image.Components, scaled.Components);
        Assert.Same(image.Geometry, scaled.Geometry);
        for (int i = 0; i < plain.Length; i++)
        {
            // The registration's rescaling, in float as it always was: bit-identical.
            Assert.Equal(((float)plain[i] - shift) * scale, scaled.Voxels[i]);
        }

        Assert.True(image.ToFloat().Voxels.SequenceEqual(image.ConvertTo<float>().Voxels));
    }

    [Fact]
    public void SampledPercentiles_pick_the_sorted_sample_at_the_fraction_inside_the_mask()
    {
        Prop.ForAll(Gen.Choose(1, 3000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (n, seed) =>
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, n).Select(_ => (short)random.Next(-500, 500)).ToArray();
            var mask = values.Select(_ => (byte)(random.NextDouble() < 0.6 ? 1 : 0)).ToArray();
            var image = new Image<short>(ImageGeometry.Create(n, 1, 1), values);
            var inside = values.Where((_, i) => mask[i] != 0).Select(v => (double)v).Order().ToArray();
            var (lo, hi) = image.SampledPercentiles(mask, 0.01, 0.99);
            var all = image.SampledPercentiles(null, 0, 1);
            return (inside.Length == 0 ? (lo, hi) == (0, 0) : lo == inside[(int)(0.01 * (inside.Length - 1))] && hi == inside[(int)(0.99 * (inside.Length - 1))])
                && all == (values.Min(), values.Max());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SampledPercentiles_take_every_nth_value_of_a_large_image()
    {
        // 10 values, at most 4 samples: step 2, so the sample is the values at 0, 2, 4, 6, 8.
        var image = new Image<float>(ImageGeometry.Create(10, 1, 1), [9, 100, 7, 100, 5, 100, 3, 100, 1, 100]);
        Assert.Equal((1.0, 9.0), image.SampledPercentiles(null, 0, 1, maxSamples: 4));
        Assert.Throws<ArgumentException>(() => image.SampledPercentiles(new byte[3], 0, 1));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Apply_hands_the_image_over_as_its_own_voxel_type(PixelType type)
    {
        var image = TestImages.RandomOfType(type, TestImages.Oblique(), seed: 2);
        Assert.Equal(type, image.Apply(new TypeOf()));
    }

    [Fact]
    public void OnGrid_is_Paste_on_a_zero_image_of_the_grid()
    {
        var image = TestImages.Random<short>(TestImages.Oblique(), seed: 3, components: 2);
        var patch = image.Crop(new BoundingBox(new Index3(1, 2, 0), new Index3(4, 5, 3)));
        var placed = Image<short>.OnGrid(image.Geometry, patch);
        TestImages.AssertSame(new Image<short>(image.Geometry, 2).Paste(patch), placed);
        Assert.Equal(image[3, 4, 2, 1], placed[3, 4, 2, 1]);
        Assert.Equal(0, placed[0, 0, 0, 1]);
        var shifted = new Image<short>(patch.Geometry.WithOrigin(patch.Geometry.Origin + new Vec3(0.3, 0, 0)), 2);
        Assert.Throws<GeometryMismatchException>(() => Image<short>.OnGrid(image.Geometry, shifted));
        Assert.Throws<ArgumentOutOfRangeException>(() => Image<short>.OnGrid(patch.Geometry, image));
    }

    private sealed class TypeOf : IImageFunction<PixelType>
    {
        public PixelType Invoke<T>(Image<T> image) where T : unmanaged, INumber<T> => PixelTypes.Of<T>();
    }
}
