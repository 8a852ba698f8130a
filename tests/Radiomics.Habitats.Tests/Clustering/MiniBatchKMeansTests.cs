using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class MiniBatchKMeansTests
{
    [Fact]
    public void Recovers_separated_clusters_with_an_inertia_close_to_full_kmeans()
    {
        var (x, truth) = Blobs.Separated(k: 5, d: 4, perCluster: 4000, seed: 21);
        var mb = new MiniBatchKMeans(new MiniBatchKMeansSettings { NClusters = 5, Seed = 2 }).Fit(x);
        var km = new KMeans(new KMeansSettings { NClusters = 5, NInit = 3 }).Fit(x);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandScore(truth, mb.Labels), 12);
        Assert.InRange(mb.Inertia, km.Inertia * (1 - 1e-9), km.Inertia * 1.02);
        Assert.True(mb.Steps > 0);
        Assert.Equal(mb.Labels.ToArray(), mb.Predict(x));
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_validates_its_input()
    {
        var (x, _) = Blobs.Create([[0, 0], [2, 1], [1, 3]], perCluster: 3000, sd: 1, seed: 5);
        var s = new MiniBatchKMeansSettings { NClusters = 3, Seed = 7, BatchSize = 256 };
        var a = new MiniBatchKMeans(s).Fit(x);
        var b = new MiniBatchKMeans(s with { MaxDegreeOfParallelism = 1 }).Fit(x);
        Assert.Equal(a.ClusterCentres.Values.ToArray(), b.ClusterCentres.Values.ToArray());
        Assert.Equal(ClusteringProblem.FewerPointsThanClusters,
            Assert.Throws<ClusteringException>(() => new MiniBatchKMeans(new MiniBatchKMeansSettings { NClusters = 3 }).Fit(new FeatureMatrix([1.0, 2], 1))).Problem);
        Assert.Equal(ClusteringProblem.InvalidSetting,
            Assert.Throws<ClusteringException>(() => new MiniBatchKMeans(new MiniBatchKMeansSettings { BatchSize = 0 })).Problem);
    }
}
