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
}
