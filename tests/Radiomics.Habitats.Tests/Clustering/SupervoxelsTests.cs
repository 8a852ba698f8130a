using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class SupervoxelsTests
{
    /// <summary>A 20 × 20 × 10 block of 1 mm voxels; feature 0 is 0 for x &lt; 10 and <paramref name="step"/> beyond, plus noise.</summary>
    private static (FeatureMatrix Features, FeatureMatrix Positions, int[] Half) Block(double step, int seed)
    {
        var random = new Random(seed);
        var features = new List<double>();
        var positions = new List<double>();
        var half = new List<int>();
        for (int z = 0; z < 10; z++)
        {
            for (int y = 0; y < 20; y++)
            {
                for (int x = 0; x < 20; x++)
                {
                    features.Add((x < 10 ? 0 : step) + (0.1 * Blobs.Gaussian(random)));
                    positions.AddRange([x, y, z]);
                    half.Add(x < 10 ? 0 : 1);
                }
            }
        }

        return (new FeatureMatrix([.. features], 1), new FeatureMatrix([.. positions], 3), [.. half]);
    }

    [Fact]
    public void Supervoxels_do_not_cross_a_feature_edge_and_their_means_are_their_rows_means()
    {
        var (features, positions, half) = Block(step: 5, seed: 1);
        var partition = Supervoxels.Compute(features, positions, 1.0, new SupervoxelSettings { Count = 16 });
        Assert.Equal(16, partition.Count);
        Assert.Equal(4000, partition.Sizes.Sum());
        for (int s = 0; s < partition.Count; s++)
        {
            var rows = Enumerable.Range(0, half.Length).Where(i => partition.Labels[i] == s).ToArray();
            Assert.Equal(partition.Sizes[s], rows.Length);
            Assert.Single(rows.Select(i => half[i]).Distinct());
            Assert.Equal(rows.Average(i => features[i, 0]), partition.Means[s, 0], 12);
        }
    }

    [Fact]
    public void With_uniform_features_supervoxels_are_compact_blocks_of_similar_size()
    {
        var features = new FeatureMatrix(new double[4000], 1);
        var (_, positions, _) = Block(0, 1);
        var partition = Supervoxels.Compute(features, positions, 1.0, new SupervoxelSettings { Count = 8 });
        Assert.Equal(8, partition.Count);
        // 4000 voxels in 8 spatial k-means cells: none is tiny or huge, and each spans far less than the block.
        Assert.All(partition.Sizes, size => Assert.InRange(size, 250, 800));
        for (int s = 0; s < partition.Count; s++)
        {
            var xs = Enumerable.Range(0, 4000).Where(i => partition.Labels[i] == s).Select(i => positions[i, 0]).ToArray();
            Assert.True(xs.Max() - xs.Min() <= 15, $"supervoxel {s} spans x {xs.Min()}..{xs.Max()}");
        }
    }

    [Fact]
    public void Supervoxels_are_deterministic_for_a_seed_and_at_most_one_per_voxel()
    {
        var (features, positions, _) = Block(5, 2);
        var settings = new SupervoxelSettings { Count = 10 };
        var a = Supervoxels.Compute(features, positions, 1.0, settings, seed: 3, threads: 1);
        var b = Supervoxels.Compute(features, positions, 1.0, settings, seed: 3, threads: 2);
        Assert.Equal(a.Labels, b.Labels);

        var three = new FeatureMatrix([1, 2, 3], 1);
        var partition = Supervoxels.Compute(three, new FeatureMatrix([0, 0, 0, 1, 0, 0, 2, 0, 0], 3), 1.0, settings);
        Assert.Equal(3, partition.Count);
        Assert.Throws<ClusteringException>(() => Supervoxels.Compute(features, positions, 1.0, new SupervoxelSettings { Count = 0 }));
    }
}
