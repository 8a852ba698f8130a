using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Processing;

public class BinaryMorphologyTests
{
    /// <summary>Direct definition: dilation = any element voxel in the region; erosion = all (outside the image counts as region).</summary>
    private static LabelMap Reference(LabelMap mask, StructuringElement e, bool erode)
    {
        var size = mask.Geometry.Size;
        var offsets = e.Offsets(mask.Geometry.Spacing);
        var result = new ImageBuilder<byte>(mask.Geometry);
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    bool any = false, all = true;
                    foreach (var o in offsets)
                    {
                        int xx = x + o.X, yy = y + o.Y, zz = z + o.Z;
                        bool inImage = size.Contains(xx, yy, zz);
                        bool on = inImage ? mask[xx, yy, zz] != 0 : erode;
                        any |= on;
                        all &= on;
                    }

                    result[x, y, z] = (erode ? all : any) ? (byte)1 : (byte)0;
                }
            }
        }

        return new LabelMap(result.ToImage());
    }

    private static readonly Gen<(int Seed, StructuringElement Element, Vec3 Spacing)> Cases =
        from seed in Gen.Choose(0, 1_000_000)
        from ball in Gen.Elements(true, false)
        from radius in Gen.Choose(0, 6).Select(r => r * 0.5)
        from sz in Gen.Elements(1.0, 2.0, 0.7)
        select (seed, ball ? StructuringElement.Ball(radius) : StructuringElement.Box(radius), new Vec3(1, 1, sz));

    private static LabelMap RandomMask(int seed, Vec3 spacing)
    {
        var random = new Random(seed);
        var image = new ImageBuilder<byte>(ImageGeometry.Create(9, 8, 7, spacing));
        // Half the voxels on: both erosion and dilation change something.
        var v = image.Voxels;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.NextDouble() < 0.5 ? (byte)1 : (byte)0;
        }

        return new LabelMap(image.ToImage());
    }

    [Fact]
    public void Dilation_and_erosion_equal_their_definitions()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var mask = RandomMask(c.Seed, c.Spacing);
            return BinaryMorphology.Dilate(mask, c.Element).Voxels.SequenceEqual(Reference(mask, c.Element, erode: false).Voxels)
                && BinaryMorphology.Erode(mask, c.Element).Voxels.SequenceEqual(Reference(mask, c.Element, erode: true).Voxels);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Opening_is_anti_extensive_and_closing_extensive()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var mask = RandomMask(c.Seed, c.Spacing);
            var open = BinaryMorphology.Open(mask, c.Element);
            var close = BinaryMorphology.Close(mask, c.Element);
            for (int i = 0; i < mask.Voxels.Length; i++)
            {
                if ((open.Voxels[i] == 1 && mask.Voxels[i] == 0) || (mask.Voxels[i] == 1 && close.Voxels[i] == 0))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_single_voxel_dilates_to_the_element_and_erodes_away()
    {
        var image = new ImageBuilder<byte>(ImageGeometry.Create(9, 9, 9, new Vec3(1, 1, 2)));
        image[4, 4, 4] = 7;
        var mask = new LabelMap(image.ToImage());
        var ball = StructuringElement.Ball(2);
        Assert.Equal(ball.Offsets(mask.Geometry.Spacing).Count, BinaryMorphology.Dilate(mask, ball).Count(1));
        Assert.Equal(0, BinaryMorphology.Erode(mask, ball).Count(1));
        Assert.Equal(0, BinaryMorphology.Dilate(mask, ball, label: 3).Count(1));
        Assert.Equal(7, mask[4, 4, 4]);
    }
}
