using FsCheck;
using FsCheck.Fluent;
using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class KMeansPlusPlusTests
{
    [Fact]
    public void Drawing_through_chunk_sums_equals_searchsorted_on_the_cumulative_sum()
    {
        // Integer weights keep every partial sum exact, so both ways must agree on every draw, across chunk borders.
        var cases = from seed in Gen.Choose(0, 1_000_000) from rows in Gen.Choose(1, 3 * RowChunks.Size + 17) select (seed, rows);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var weights = new double[c.rows];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = random.Next(4) == 0 ? 0 : random.Next(1, 50);
            }

            var chunkSums = new double[RowChunks.Count(c.rows)];
            var cumulative = new double[c.rows];
            double running = 0;
            for (int i = 0; i < c.rows; i++)
            {
                chunkSums[i / RowChunks.Size] += weights[i];
                cumulative[i] = running += weights[i];
            }

            for (int draw = 0; draw < 20; draw++)
            {
                double value = Math.Floor(random.NextDouble() * (running + 1));
                int expected = Math.Min(Array.FindIndex(cumulative, v => v >= value) is var j && j >= 0 ? j : c.rows - 1, c.rows - 1);
                if (KMeansPlusPlus.Draw(weights, chunkSums, value) != expected)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Seeding_is_the_same_whatever_the_number_of_threads()
    {
        var random = new Random(3);
        var data = new double[3 * RowChunks.Size * 4];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = Blobs.Gaussian(random) + (4 * (i / 4 % 5));
        }

        var x = new FeatureMatrix(data, 4);
        Assert.Equal(KMeansPlusPlus.Init(x, 5, new Random(1), 1), KMeansPlusPlus.Init(x, 5, new Random(1), 2));
    }

    [Fact]
    public void Seeding_equals_a_plain_greedy_kmeans_plus_plus()
    {
        // Small integer coordinates keep every D(x)² and every sum exact, so the chunked, folded passes must pick the
        // same rows as a direct transcription of scikit-learn's _kmeans_plusplus with the same random draws.
        var cases = from seed in Gen.Choose(0, 1_000_000)
                    from k in Gen.Choose(1, 12)
                    from rows in Gen.Choose(1, (2 * RowChunks.Size) + 300)
                    select (seed, k, rows);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            const int d = 3;
            var random = new Random(c.seed);
            var data = new double[c.rows * d];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = random.Next(-6, 7);
            }

            var x = new FeatureMatrix(data, d);
            return KMeansPlusPlus.Init(x, c.k, new Random(c.seed + 1), 2).SequenceEqual(PlainGreedy(x, c.k, new Random(c.seed + 1)));
        }).QuickCheckThrowOnFailure();
    }

    private static double[] PlainGreedy(FeatureMatrix x, int k, Random random)
    {
        int n = x.Rows, d = x.Columns;
        double Distance(int row, double[] centre)
        {
            double sum = 0;
            for (int t = 0; t < d; t++)
            {
                sum += (x[row, t] - centre[t]) * (x[row, t] - centre[t]);
            }

            return sum;
        }

        int Search(double[] weights, double value)
        {
            double running = 0;
            for (int i = 0; i < n; i++)
            {
                running += weights[i];
                if (running >= value)
                {
                    return i;
                }
            }

            return n - 1;
        }

        var centres = new double[k * d];
        var first = x.Row(random.Next(n)).ToArray();
        first.CopyTo(centres, 0);
        var closest = Enumerable.Range(0, n).Select(i => Distance(i, first)).ToArray();
        int trials = 2 + (int)Math.Log(k);
        for (int c = 1; c < k; c++)
        {
            double potential = closest.Sum();
            var candidates = Enumerable.Range(0, trials).Select(_ => Search(closest, random.NextDouble() * potential)).ToArray();
            double[]? bestClosest = null;
            int best = -1;
            foreach (var candidate in candidates)
            {
                var row = x.Row(candidate).ToArray();
                var updated = closest.Select((v, i) => Math.Min(v, Distance(i, row))).ToArray();
                if (bestClosest is null || updated.Sum() < bestClosest.Sum())
                {
                    bestClosest = updated;
                    best = candidate;
                }
            }

            closest = bestClosest!;
            x.Row(best).CopyTo(centres.AsSpan(c * d, d));
        }

        return centres;
    }
}
