using FsCheck;
using FsCheck.Fluent;
using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class KMeansPropertyTests
{
    private static readonly Gen<(int Seed, int K, int D)> Cases =
        from seed in Gen.Choose(0, 100_000)
        from k in Gen.Choose(2, 6)
        from d in Gen.Choose(1, 5)
        select (seed, k, d);

    [Fact]
    public void Lloyd_iterations_never_increase_inertia()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var random = new Random(c.Seed);
            int n = 60 + random.Next(200);
            var data = new double[n * c.D];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = Blobs.Gaussian(random) + (3 * random.Next(3));
            }

            var x = new FeatureMatrix(data, c.D);
            var init = KMeansPlusPlus.Init(x, c.K, new Random(c.Seed), 1);
            double previous = double.PositiveInfinity;
            foreach (var algorithm in new[] { KMeansAlgorithm.Lloyd, KMeansAlgorithm.Hamerly })
            {
                previous = double.PositiveInfinity;
                for (int iterations = 1; iterations <= 12; iterations++)
                {
                    // Zero tolerance: each run stops only after `iterations` steps or on strict convergence.
                    double inertia = KMeansRun.Execute(x, init, iterations, 0, algorithm, 1).Inertia;
                    if (inertia > previous * (1 + 1e-12))
                    {
                        return false;
                    }

                    previous = inertia;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Labels_do_not_depend_on_row_order_for_well_separated_data()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (x, _) = Blobs.Separated(c.K, Math.Max(2, c.D), perCluster: 30, seed: c.Seed);
            var random = new Random(c.Seed + 1);
            var order = Enumerable.Range(0, x.Rows).OrderBy(_ => random.Next()).ToArray();
            var shuffled = x.SelectRows(order);
            var settings = new KMeansSettings { NClusters = c.K, NInit = 3, Seed = c.Seed };
            var original = new KMeans(settings).Fit(x).Labels.ToArray();
            var permuted = new KMeans(settings).Fit(shuffled).Labels.ToArray();
            var back = new int[x.Rows];
            for (int i = 0; i < order.Length; i++)
            {
                back[order[i]] = permuted[i];
            }

            return ClusteringMetrics.AdjustedRandScore(original, back) == 1.0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Same_seed_gives_the_same_fit_whatever_the_algorithm_path_and_threads()
    {
        // k up to 12 covers one to three vectors of centres, i.e. both the Lloyd passes and Hamerly's bounds.
        var cases = from seed in Gen.Choose(0, 100_000) from k in Gen.Choose(1, 12) from d in Gen.Choose(1, 6) select (seed, k, d);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            int n = 200 + random.Next(5000);
            var data = new double[n * c.d];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = Blobs.Gaussian(random) + (3 * random.Next(3));
            }

            var x = new FeatureMatrix(data, c.d);
            var settings = new KMeansSettings { NClusters = c.k, NInit = 2, Seed = c.seed };
            var a = new KMeans(settings with { MaxDegreeOfParallelism = 1 }).Fit(x);
            var b = new KMeans(settings with { MaxDegreeOfParallelism = 2 }).Fit(x);
            var again = new KMeans(settings with { MaxDegreeOfParallelism = 1 }).Fit(x);
            return a.Labels.SequenceEqual(b.Labels) && a.Labels.SequenceEqual(again.Labels)
                && a.Inertia == b.Inertia && a.Inertia == again.Inertia
                && a.ClusterCentres.Values.SequenceEqual(b.ClusterCentres.Values);
        }).QuickCheckThrowOnFailure();
    }
}
