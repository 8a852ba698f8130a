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

    private static ClusterCountSelection FourBlobs(int threads = 0) => ClusterCountSelection.Evaluate(
        Blobs.Create([[0, 0], [10, 0], [0, 10], [10, 10]], perCluster: 250, sd: 1, seed: 21).X,
        new ClusterCountSelectionSettings
        {
            MinClusters = 2,
            MaxClusters = 7,
            KMeans = new KMeansSettings { NInit = 3, Seed = 5, MaxDegreeOfParallelism = threads },
            Stability = new StabilitySettings(),
            Gap = new GapSettings(),
        });

    [Fact]
    public void Stability_and_gap_find_four_planted_blobs_and_a_wrong_k_is_less_stable()
    {
        // Four unit-spread blobs at the corners of a 10 × 10 square: k = 2 and 3 must merge equally close pairs and
        // k ≥ 5 must split a blob, each differently from one sub-sample to the next. (With a dominant first split, e.g.
        // two pairs of blobs far apart, k = 2 is as stable as 4 and the stability rule picks the coarser partition.)
        var selection = FourBlobs();
        Assert.Equal(4, selection.Best(ClusterCountCriterion.Stability));
        Assert.Equal(4, selection.Best(ClusterCountCriterion.Gap));
        var four = selection.Scores.Single(s => s.K == 4);
        Assert.True(four.Stability > 0.99, $"stability at k = 4: {four.Stability}");
        foreach (var wrong in selection.Scores.Where(s => s.K != 4))
        {
            Assert.True(wrong.Stability < four.Stability - 0.05, $"stability at k = {wrong.K}: {wrong.Stability} (k = 4: {four.Stability})");
        }

        // The gap jumps where the structure is and its error is positive and small against it.
        Assert.True(four.Gap > selection.Scores.Single(s => s.K == 3).Gap + 0.3, string.Join("; ", selection.Scores));
        Assert.All(selection.Scores, s => Assert.InRange(s.GapError, 1e-6, 0.2));
    }

    [Fact]
    public void Stability_and_gap_are_deterministic_for_a_seed_whatever_the_threads()
    {
        var a = FourBlobs(threads: 1).Scores;
        var b = FourBlobs(threads: 2).Scores;
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(ClusterCountCriterion.Stability)]
    [InlineData(ClusterCountCriterion.Gap)]
    public void A_criterion_whose_scores_were_not_computed_is_refused(ClusterCountCriterion criterion)
    {
        var (x, _) = Blobs.Separated(k: 2, d: 2, perCluster: 20, seed: 1);
        var settings = new ClusterCountSelectionSettings { MinClusters = 2, MaxClusters = 3 };
        var selection = ClusterCountSelection.Evaluate(x, settings);
        Assert.All(selection.Scores, s => Assert.True(double.IsNaN(s.Stability) && double.IsNaN(s.Gap)));
        var e = Assert.Throws<ClusteringException>(() => selection.Best(criterion));
        Assert.Contains(criterion.ToString(), e.Message, StringComparison.Ordinal);
        var again = ClusterCountSelection.Evaluate(x, settings.For(criterion));
        Assert.True(2 == again.Best(criterion), string.Join("; ", again.Scores));
    }
}
