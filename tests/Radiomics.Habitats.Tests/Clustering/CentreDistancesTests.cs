using FsCheck;
using FsCheck.Fluent;
using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class CentreDistancesTests
{
    // Few distinct values make ties common; up to 40 centres covers one vector, several vectors and the scalar path.
    private static readonly Gen<(int Seed, int K)> Cases =
        from seed in Gen.Choose(0, 1_000_000)
        from k in Gen.Choose(1, 40)
        select (seed, k);

    [Fact]
    public void ArgMin_is_the_first_smallest_distance_and_ArgMinTwo_adds_the_runner_up()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var random = new Random(c.Seed);
            const int d = 3;
            var centres = new double[c.K * d];
            for (int i = 0; i < centres.Length; i++)
            {
                centres[i] = random.Next(-2, 3);
            }

            var distances = new CentreDistances(centres, d);
            var dist = new double[distances.Padded];
            for (int trial = 0; trial < 20; trial++)
            {
                var row = new double[] { random.Next(-2, 3), random.Next(-2, 3), random.Next(-2, 3) };
                distances.Compute(row, dist);
                var exact = Enumerable.Range(0, c.K).Select(j => SquaredDistance(row, centres.AsSpan(j * d, d))).ToArray();
                int expected = Array.IndexOf(exact, exact.Min());
                double runnerUp = c.K == 1 ? double.PositiveInfinity : exact.Where((_, j) => j != expected).Min();
                int label = distances.ArgMin(dist, out double best);
                int label2 = distances.ArgMinTwo(dist, out double best2, out double second);
                if (label != expected || label2 != expected || best != exact[expected] || best2 != best || second != runnerUp)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Padding_lanes_never_win_even_for_a_row_at_the_origin()
    {
        // Padding centres used to be zeros, i.e. a centre at the origin; they must be out of reach.
        var distances = new CentreDistances([5.0, 5.0], 2);
        var dist = new double[distances.Padded];
        distances.Compute([0.0, 0.0], dist);
        Assert.Equal(0, distances.ArgMin(dist, out double best));
        Assert.Equal(50.0, best);
        distances.ArgMinTwo(dist, out _, out double second);
        Assert.Equal(double.PositiveInfinity, second);
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return sum;
    }
}
