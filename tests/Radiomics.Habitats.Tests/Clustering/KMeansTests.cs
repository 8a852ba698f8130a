using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class KMeansTests
{
    // scikit-learn 1.2.1 on Fixtures/sklearn_blobs.csv, values printed by Fixtures/make_sklearn_fixture.py:
    // KMeans(n_clusters=k, n_init=10, random_state=0).inertia_.
    [Theory]
    [InlineData(2, 495.67271991495454)]
    [InlineData(3, 307.25143040234576)]
    public void Inertia_matches_scikit_learn_or_is_lower(int k, double sklearnInertia)
    {
        var (x, _) = Blobs.SklearnFixture();
        foreach (var algorithm in new[] { KMeansAlgorithm.Hamerly, KMeansAlgorithm.Lloyd })
        {
            var km = new KMeans(new KMeansSettings { NClusters = k, Algorithm = algorithm }).Fit(x);
            Assert.True(km.Inertia <= sklearnInertia * (1 + 1e-9), $"{algorithm} k={k}: {km.Inertia} vs scikit-learn {sklearnInertia}");
            Assert.True(km.Inertia >= sklearnInertia * (1 - 1e-9), $"{algorithm} k={k}: {km.Inertia} is below scikit-learn's optimum {sklearnInertia}");
        }
    }

    // Single k-means++ starts over 200 seeds (n_init=1, random_state 0..199): scikit-learn's best and mean inertia.
    // Our greedy k-means++ must reach the same optimum and be as good on average (within 1 %).
    [Theory]
    [InlineData(3, 307.25143040234576, 308.1884755298442)]
    [InlineData(4, 264.00640145875434, 268.45599249594557)]
    public void Single_start_quality_matches_scikit_learn_kmeans_plus_plus(int k, double sklearnBest, double sklearnMean)
    {
        var (x, _) = Blobs.SklearnFixture();
        var inertias = Enumerable.Range(0, 200)
            .Select(seed => new KMeans(new KMeansSettings { NClusters = k, NInit = 1, Seed = seed, MaxDegreeOfParallelism = 1 }).Fit(x).Inertia)
            .ToArray();
        Assert.Equal(sklearnBest, inertias.Min(), sklearnBest * 1e-9);
        Assert.InRange(inertias.Average(), sklearnMean * 0.99, sklearnMean * 1.01);
    }

    [Fact]
    public void Separated_blobs_are_recovered_exactly()
    {
        var (x, truth) = Blobs.Separated(k: 4, d: 3, perCluster: 200, seed: 3);
        var km = new KMeans(new KMeansSettings { NClusters = 4, Seed = 1 }).Fit(x);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandScore(truth, km.Labels), 12);
        Assert.Equal(4, km.ClusterCentres.Rows);
        Assert.InRange(km.Iterations, 1, 300);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    public void Hamerly_and_Lloyd_give_the_same_clustering(int k)
    {
        // k = 4 fits in two vectors of centres (the Hamerly setting runs Lloyd passes); k = 12 runs Hamerly's bounds.
        var (x, _) = Blobs.Create([[0, 0], [2, 0], [1, 1.5], [0.5, 3]], perCluster: 500, sd: 0.9, seed: 11);
        var settings = new KMeansSettings { NClusters = k, NInit = 3, Seed = 5 };
        var hamerly = new KMeans(settings with { Algorithm = KMeansAlgorithm.Hamerly }).Fit(x);
        var lloyd = new KMeans(settings with { Algorithm = KMeansAlgorithm.Lloyd }).Fit(x);
        Assert.Equal(lloyd.Labels.ToArray(), hamerly.Labels.ToArray());
        Assert.Equal(lloyd.Inertia, hamerly.Inertia, 1e-9 * lloyd.Inertia);
        Assert.Equal(lloyd.Iterations, hamerly.Iterations);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Result_does_not_depend_on_the_number_of_threads(int nInit)
    {
        // nInit 1 parallelises over row chunks, nInit 3 over restarts; both must be bit-identical for any thread count.
        var (x, _) = Blobs.Create([[0, 0, 0], [2, 0, 1], [1, 2, 0]], perCluster: 4000, sd: 1.0, seed: 2);
        var runs = new[] { 1, 2, 4 }
            .Select(t => new KMeans(new KMeansSettings { NClusters = 3, NInit = nInit, Seed = 9, MaxDegreeOfParallelism = t }).Fit(x))
            .ToArray();
        foreach (var r in runs.Skip(1))
        {
            Assert.Equal(runs[0].Inertia, r.Inertia);
            Assert.Equal(runs[0].Labels.ToArray(), r.Labels.ToArray());
            Assert.Equal(runs[0].ClusterCentres.Values.ToArray(), r.ClusterCentres.Values.ToArray());
        }
    }

    [Fact]
    public void Same_seed_same_result_other_seed_other_initialisation()
    {
        var (x, _) = Blobs.Create([[0, 0], [1, 0], [0, 1]], perCluster: 300, sd: 0.8, seed: 4);
        var a = new KMeans(new KMeansSettings { NClusters = 3, NInit = 1, Seed = 1 }).Fit(x);
        var b = new KMeans(new KMeansSettings { NClusters = 3, NInit = 1, Seed = 1 }).Fit(x);
        Assert.Equal(a.ClusterCentres.Values.ToArray(), b.ClusterCentres.Values.ToArray());
        var inits = Enumerable.Range(0, 8).Select(s => new KMeans(new KMeansSettings { NClusters = 3, NInit = 1, Seed = s }).Fit(x).Inertia).Distinct().Count();
        Assert.True(inits > 1, "different seeds should give different k-means++ starts on overlapping data");
    }

    [Fact]
    public void Predict_and_Transform_agree_with_the_fitted_centres()
    {
        var (x, _) = Blobs.Separated(k: 3, d: 2, perCluster: 50, seed: 8);
        var km = new KMeans(new KMeansSettings { NClusters = 3 }).Fit(x);
        Assert.Equal(km.Labels.ToArray(), km.Predict(x));
        var distances = km.Transform(x);
        Assert.Equal(3, distances.Columns);
        double inertia = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            double min = double.PositiveInfinity;
            for (int j = 0; j < 3; j++)
            {
                min = Math.Min(min, distances[i, j]);
            }

            Assert.Equal(min, distances[i, km.Labels[i]]);
            inertia += min * min;
        }

        Assert.Equal(km.Inertia, inertia, 1e-9 * km.Inertia);
        Assert.Equal(km.Inertia, km.InertiaOf(x), 1e-9 * km.Inertia);
    }

    [Fact]
    public void FromCenters_predicts_like_the_fitted_model()
    {
        var (x, _) = Blobs.Separated(k: 3, d: 2, perCluster: 40, seed: 12);
        var km = new KMeans(new KMeansSettings { NClusters = 3 }).Fit(x);
        var loaded = KMeans.FromCentres(km.ClusterCentres);
        Assert.Equal(km.Predict(x), loaded.Predict(x));
    }

    [Fact]
    public void Clustering_a_single_point_is_a_clear_error()
    {
        var x = new FeatureMatrix([1.0, 2.0], 2);
        var e = Assert.Throws<ClusteringException>(() => new KMeans(new KMeansSettings { NClusters = 2 }).Fit(x));
        Assert.Equal(ClusteringProblem.FewerPointsThanClusters, e.Problem);
        Assert.Equal("x", e.ParamName);
        Assert.Contains("1 point(s) cannot form 2 clusters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_clusters_than_distinct_points_is_a_clear_error()
    {
        var x = new FeatureMatrix([1, 1, 1, 1, 2, 2, 1, 1, 2, 2, -0.0, 0, 0, 0], 2);
        var e = Assert.Throws<ClusteringException>(() => new KMeans(new KMeansSettings { NClusters = 4 }).Fit(x));
        Assert.Equal(ClusteringProblem.TooFewDistinctPoints, e.Problem);
        Assert.Contains("only 3 distinct", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, new KMeans(new KMeansSettings { NClusters = 3 }).Fit(x).ClusterCentres.Rows);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_features_are_a_clear_error(double bad)
    {
        var data = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        data[13] = bad;
        var e = Assert.Throws<ClusteringException>(() => new KMeans(new KMeansSettings { NClusters = 2 }).Fit(new FeatureMatrix(data, 4)));
        Assert.Equal(ClusteringProblem.NonFiniteValue, e.Problem);
        Assert.Contains("Row 3, column 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_invalid_settings_and_unfitted_use_are_clear_errors()
    {
        Assert.Equal(ClusteringProblem.EmptyInput, Assert.Throws<ClusteringException>(() => new KMeans().Fit(new FeatureMatrix([], 3))).Problem);
        Assert.Equal(ClusteringProblem.InvalidSetting, Assert.Throws<ClusteringException>(() => new KMeans(new KMeansSettings { NClusters = 0 })).Problem);
        Assert.Equal(ClusteringProblem.InvalidSetting, Assert.Throws<ClusteringException>(() => new KMeans(new KMeansSettings { Tolerance = -1 })).Problem);
        Assert.Equal(ClusteringProblem.NotFitted, Assert.Throws<ClusteringException>(() => new KMeans().Predict(new FeatureMatrix([1.0], 1))).Problem);
        var km = new KMeans(new KMeansSettings { NClusters = 2 }).Fit(new FeatureMatrix([0, 0, 1, 1, 5, 5], 2));
        Assert.Equal(ClusteringProblem.DimensionMismatch, Assert.Throws<ClusteringException>(() => km.Predict(new FeatureMatrix([1.0, 2, 3], 3))).Problem);
    }

    [Fact]
    public void Empty_clusters_are_reseeded_so_every_cluster_keeps_points()
    {
        // Two tight groups and a far outlier; the third initial centre is nearest to no point, so its cluster is empty
        // after the first assignment and must be re-seeded with the farthest point (the outlier), not left empty.
        var data = new List<double>();
        for (int i = 0; i < 50; i++)
        {
            data.AddRange([0 + (i * 1e-3), 0]);
            data.AddRange([10 + (i * 1e-3), 0]);
        }

        data.AddRange([100, 100]);
        var x = new FeatureMatrix([.. data], 2);
        var init = new double[] { 0, 0, 10, 0, -50, -50 };
        var result = KMeansRun.Execute(x, init, 300, 0, KMeansAlgorithm.Hamerly, 1);
        var counts = new int[3];
        foreach (var l in result.Labels)
        {
            counts[l]++;
        }

        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(1, counts[result.Labels[^1]]);
        var lloyd = KMeansRun.Execute(x, init, 300, 0, KMeansAlgorithm.Lloyd, 1);
        Assert.Equal(lloyd.Inertia, result.Inertia, 1e-9 * Math.Max(1, lloyd.Inertia));
    }
}
