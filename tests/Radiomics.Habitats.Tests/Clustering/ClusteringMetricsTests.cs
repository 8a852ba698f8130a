using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class ClusteringMetricsTests
{
    // scikit-learn 1.2.1 on Fixtures/sklearn_blobs.csv with its true labels (Fixtures/make_sklearn_fixture.py).
    [Fact]
    public void Internal_indices_match_scikit_learn()
    {
        var (x, truth) = Blobs.SklearnFixture();
        Assert.Equal(0.39019380419707445, ClusteringMetrics.SilhouetteScore(x, truth), 12);
        Assert.Equal(89.81950855005395, ClusteringMetrics.CalinskiHarabaszScore(x, truth), 9);
        Assert.Equal(0.9033772672718836, ClusteringMetrics.DaviesBouldinScore(x, truth), 12);
    }

    [Fact]
    public void Adjusted_rand_index_matches_scikit_learn()
    {
        // KMeans(n_clusters=3, n_init=10, random_state=0).labels_ printed by the fixture script.
        const string kmeansLabels = "011111111111111111211111211111110111111122222222222220222222222222222200000000200000000000002200000000000000000220000000";
        var (_, truth) = Blobs.SklearnFixture();
        var labels = kmeansLabels.Select(c => c - '0').ToArray();
        Assert.Equal(0.764695983255677, ClusteringMetrics.AdjustedRandScore(truth, labels), 12);
    }

    [Fact]
    public void Adjusted_rand_index_ignores_label_names_and_is_near_zero_for_independent_labelings()
    {
        int[] a = [0, 0, 1, 1, 2, 2];
        int[] renamed = [5, 5, 3, 3, 9, 9];
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandScore(a, renamed));
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandScore([1, 1, 1], [0, 0, 0]));
        var random = new Random(1);
        var u = Enumerable.Range(0, 5000).Select(_ => random.Next(4)).ToArray();
        var v = Enumerable.Range(0, 5000).Select(_ => random.Next(4)).ToArray();
        Assert.InRange(ClusteringMetrics.AdjustedRandScore(u, v), -0.01, 0.01);
        // scikit-learn's documented example: adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) = 0.57…
        Assert.Equal(0.5714285714285714, ClusteringMetrics.AdjustedRandScore([0, 0, 1, 2], [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Sampled_silhouette_is_seeded_and_close_to_the_full_one()
    {
        var (x, truth) = Blobs.Create([[0, 0], [3, 0], [0, 3]], perCluster: 600, sd: 1, seed: 6);
        double full = ClusteringMetrics.SilhouetteScore(x, truth);
        double a = ClusteringMetrics.SilhouetteScore(x, truth, sampleSize: 600, seed: 3);
        double b = ClusteringMetrics.SilhouetteScore(x, truth, sampleSize: 600, seed: 3, parallelism: 1);
        Assert.Equal(a, b);
        Assert.InRange(a, full - 0.05, full + 0.05);
    }

    [Fact]
    public void One_cluster_is_rejected_by_the_internal_indices()
    {
        var x = new FeatureMatrix([0, 1, 2, 3], 1);
        Assert.Throws<ClusteringException>(() => ClusteringMetrics.SilhouetteScore(x, [0, 0, 0, 0]));
        Assert.Throws<ClusteringException>(() => ClusteringMetrics.CalinskiHarabaszScore(x, [0, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.DaviesBouldinScore(x, [0, 1, 0]));
    }
}
