using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class ClusterCountSelectionTests
{
    [Theory]
    [InlineData(ClusterCountCriterion.Silhouette)]
    [InlineData(ClusterCountCriterion.CalinskiHarabasz)]
    [InlineData(ClusterCountCriterion.DaviesBouldin)]
    [InlineData(ClusterCountCriterion.Elbow)]
    public void Every_criterion_finds_three_separated_clusters(ClusterCountCriterion criterion)
    {
        var (x, _) = Blobs.Separated(k: 3, d: 3, perCluster: 300, seed: 14);
        var selection = ClusterCountSelection.Evaluate(x, new ClusterCountSelectionSettings { MinClusters = 2, MaxClusters = 6, KMeans = new KMeansSettings { NInit = 3 } });
        Assert.Equal([2, 3, 4, 5, 6], selection.Scores.Select(s => s.K));
        Assert.Equal(3, selection.Best(criterion));
        // Inertia falls with k whatever the data.
        Assert.True(selection.Scores.Zip(selection.Scores.Skip(1)).All(p => p.Second.Inertia <= p.First.Inertia));
    }

    [Fact]
    public void A_reversed_range_is_rejected()
    {
        var (x, _) = Blobs.Separated(k: 2, d: 2, perCluster: 10, seed: 1);
        Assert.Throws<ClusteringException>(() => ClusterCountSelection.Evaluate(x, new ClusterCountSelectionSettings { MinClusters = 5, MaxClusters = 3 }));
        Assert.Throws<ClusteringException>(() => ClusterCountSelection.Evaluate(x, new ClusterCountSelectionSettings { MinClusters = 1, MaxClusters = 3 }));
    }
}
