using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Processing;

public class ConnectedComponentsTests
{
    private static LabelMap Mask(int nx, int ny, int nz, params (int X, int Y, int Z)[] on)
    {
        var image = new ImageBuilder<byte>(ImageGeometry.Create(nx, ny, nz));
        foreach (var (x, y, z) in on)
        {
            image[x, y, z] = 1;
        }

        return new LabelMap(image.ToImage());
    }

    [Theory]
    [InlineData(Connectivity.Face, 2, 2, 2)]
    [InlineData(Connectivity.Edge, 1, 2, 2)]
    [InlineData(Connectivity.Vertex, 1, 1, 2)]
    public void Diagonal_neighbours_join_according_to_connectivity(Connectivity c, int edgePair, int cornerPair, int separated)
    {
        Assert.Equal(edgePair, ConnectedComponents.Count(Mask(3, 3, 3, (0, 0, 0), (1, 1, 0)), c));
        Assert.Equal(cornerPair, ConnectedComponents.Count(Mask(3, 3, 3, (0, 0, 0), (1, 1, 1)), c));
        Assert.Equal(separated, ConnectedComponents.Count(Mask(3, 3, 3, (0, 0, 0), (2, 2, 2)), c));
        Assert.Equal((int)c, ConnectedComponents.Neighbours(c).Count);
    }

    [Fact]
    public void Components_are_numbered_in_memory_order_with_their_sizes()
    {
        var mask = Mask(5, 1, 1, (0, 0, 0), (1, 0, 0), (3, 0, 0));
        var cc = ConnectedComponents.Label(mask);
        Assert.Equal(2, cc.Count);
        Assert.Equal([2L, 1L], cc.Sizes);
        Assert.Equal([1, 1, 0, 2, 0], cc.Labels.Voxels.ToArray());
        Assert.Equal(1, cc.Largest);
        Assert.Equal(1, cc.Select(2).Count(1));
        Assert.Equal(mask.Geometry, cc.Labels.Geometry);
    }

    [Fact]
    public void A_label_selects_which_voxels_form_components()
    {
        var image = new Image<byte>(ImageGeometry.Create(4, 1, 1), [1, 2, 2, 1]);
        var mask = new LabelMap(image);
        Assert.Equal(1, ConnectedComponents.Count(mask));
        Assert.Equal(2, ConnectedComponents.Count(mask, label: 1));
        Assert.Equal(1, ConnectedComponents.Count(mask, label: 2));
        Assert.Equal(0, ConnectedComponents.Count(mask, label: 3));
    }

    [Fact]
    public void Component_sizes_sum_to_the_region_and_neighbours_share_a_component()
    {
        var gen = from seed in Gen.Choose(0, 1_000_000)
                  from c in Gen.Elements(Connectivity.Face, Connectivity.Edge, Connectivity.Vertex)
                  select (seed, c);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var image = new ImageBuilder<byte>(ImageGeometry.Create(7, 6, 5));
            var v = image.Voxels;
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = random.NextDouble() < 0.35 ? (byte)1 : (byte)0;
            }

            var mask = new LabelMap(image.ToImage());
            var cc = ConnectedComponents.Label(mask, t.c);
            if (cc.Sizes.Sum() != mask.Count(1))
            {
                return false;
            }

            // Every pair of region neighbours carries the same component, and every component is non-empty.
            foreach (var o in ConnectedComponents.Neighbours(t.c))
            {
                for (int z = 0; z < 5; z++)
                {
                    for (int y = 0; y < 6; y++)
                    {
                        for (int x = 0; x < 7; x++)
                        {
                            int xx = x + o.X, yy = y + o.Y, zz = z + o.Z;
                            if (xx is < 0 or >= 7 || yy is < 0 or >= 6 || zz is < 0 or >= 5)
                            {
                                continue;
                            }

                            if (mask[x, y, z] == 1 && mask[xx, yy, zz] == 1 && cc.Labels[x, y, z] != cc.Labels[xx, yy, zz])
                            {
                                return false;
                            }
                        }
                    }
                }
            }

            return cc.Sizes.All(s => s > 0);
        }).QuickCheckThrowOnFailure();
    }
}
