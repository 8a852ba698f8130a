using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.Model;

public class HabitatSummaryTests
{
    private static LabelMap Labels(Size3 size, Vec3 spacing, Func<int, int, int, byte> label)
    {
        var image = new ImageBuilder<byte>(new ImageGeometry(size, spacing, Vec3.Zero, Matrix3.Identity));
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    image[x, y, z] = label(x, y, z);
                }
            }
        }

        return new LabelMap(image.ToImage());
    }

    [Fact]
    public void Volumes_fractions_components_and_interfaces_of_two_slabs_and_an_island()
    {
        // 4 × 3 × 2 voxels of 1 × 2 × 3 mm: habitat 1 for x < 2, habitat 2 for x ≥ 2 except one voxel of habitat 3
        // at the far corner, and one separate habitat-1 voxel making habitat 1 two components.
        var map = Labels(new Size3(4, 3, 2), new Vec3(1, 2, 3), (x, y, z) =>
            (x, y, z) == (3, 2, 1) ? (byte)3 : (x, y, z) == (3, 0, 0) ? (byte)1 : x < 2 ? (byte)1 : (byte)2);
        var s = HabitatSummary.Compute(map, k: 3);
        Assert.Equal([13L, 10L, 1L], s.Habitats.Select(h => h.Voxels));
        Assert.Equal(13 * 6.0, s.Habitats[0].VolumeMm3, 12);
        Assert.Equal(1.0, s.Habitats.Sum(h => h.Fraction), 12);
        Assert.Equal([2, 1, 1], s.Habitats.Select(h => h.Components));
        // Habitat 3's corner voxel touches habitat 2 across an x-face (2 × 3 mm²), a y-face (1 × 3) and a z-face (1 × 2).
        Assert.Equal(6 + 3 + 2, s.InterfaceAreaMm2(2, 3), 12);
        Assert.Equal(s.Cooccurrence(1, 2), s.Cooccurrence(2, 1));
        Assert.Equal(3, s.Cooccurrence(3, 2));
        // Total ordered pairs = 2 × face-adjacent pairs of a full 4 × 3 × 2 block: 2 × (3·3·2 + 4·2·2 + 4·3·1).
        long total = 0;
        for (int a = 1; a <= 3; a++)
        {
            for (int b = 1; b <= 3; b++)
            {
                total += s.Cooccurrence(a, b);
            }
        }

        Assert.Equal(2 * ((3 * 3 * 2) + (4 * 2 * 2) + (4 * 3 * 1)), total);
    }

    [Fact]
    public void Entropy_and_mixing_separate_compact_from_noise_like_habitats()
    {
        var size = new Size3(20, 20, 10);
        var compact = HabitatSummary.Compute(Labels(size, Vec3.One, (x, _, _) => x < 10 ? (byte)1 : (byte)2), 2);
        var random = new Random(3);
        var noise = HabitatSummary.Compute(Labels(size, Vec3.One, (_, _, _) => (byte)(1 + random.Next(2))), 2);
        Assert.Equal(1.0, compact.FractionEntropy, 12);
        Assert.Equal(1.0, compact.NormalisedFractionEntropy, 12);
        Assert.InRange(compact.SpatialMixingIndex, 0, 0.1);
        Assert.InRange(noise.SpatialMixingIndex, 0.95, 1.05);
        Assert.Equal(1, compact.Habitats[0].Components);
        Assert.True(noise.Habitats[0].Components > 10);
        var single = HabitatSummary.Compute(Labels(size, Vec3.One, (_, _, _) => 1), 3);
        Assert.Equal(0, single.FractionEntropy);
        Assert.True(double.IsNaN(single.SpatialMixingIndex));
        Assert.Equal(0, single.Habitats[2].Components);
    }

    [Fact]
    public void Connectivity_changes_the_component_count_of_diagonal_voxels()
    {
        var map = Labels(new Size3(2, 2, 1), Vec3.One, (x, y, _) => x == y ? (byte)1 : (byte)0);
        Assert.Equal(2, HabitatSummary.Compute(map, 1).Habitats[0].Components);
        Assert.Equal(1, HabitatSummary.Compute(map, 1, Connectivity.Edge).Habitats[0].Components);
    }

    [Fact]
    public void A_label_above_k_is_a_clear_error()
    {
        var map = Labels(new Size3(2, 1, 1), Vec3.One, (x, _, _) => x == 0 ? (byte)1 : (byte)5);
        Assert.Contains("label 5", Assert.Throws<ArgumentException>(() => HabitatSummary.Compute(map, 2)).Message, StringComparison.Ordinal);
    }
}
