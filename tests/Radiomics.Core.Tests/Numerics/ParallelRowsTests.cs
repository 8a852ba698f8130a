using FsCheck;
using FsCheck.Fluent;
using Radiomics.Numerics;

namespace Radiomics.Core.Tests.Numerics;

public class ParallelRowsTests
{
    [Fact]
    public void For_visits_every_index_once_whatever_the_thread_count()
    {
        var gen = from start in Gen.Choose(-50, 50) from length in Gen.Choose(0, 500) from threads in Gen.Choose(0, 8) select (start, length, threads);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var visits = new int[c.length];
            ParallelRows.For(c.start, c.start + c.length, new Parallelism(c.threads), i => Interlocked.Increment(ref visits[i - c.start]));
            return visits.All(v => v == 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Scratch_buffers_are_never_shared_between_concurrent_bodies()
    {
        int inUse = 0, clashes = 0;
        ParallelRows.For(0, 2000, new Parallelism(4), () => new int[1], (_, buffer) =>
        {
            if (Interlocked.Increment(ref buffer[0]) != 1)
            {
                Interlocked.Increment(ref clashes);
            }

            Interlocked.Increment(ref inUse);
            Thread.SpinWait(50);
            Interlocked.Decrement(ref buffer[0]);
        });
        Assert.Equal(0, clashes);
        Assert.Equal(2000, inUse);
    }

    [Fact]
    public void Reduce_gives_the_same_bits_for_1_2_and_8_threads()
    {
        var gen = from n in Gen.Choose(1, 3000) from chunks in Gen.Choose(1, 64) from seed in Gen.Choose(0, 1000) select (n, chunks, seed);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            var x = Enumerable.Range(0, c.n).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 9))).ToArray();
            double Sum(int threads) => ParallelRows.Reduce(c.n, c.chunks, new Parallelism(threads), (a, b) =>
            {
                double s = 0;
                for (int i = a; i < b; i++)
                {
                    s += x[i];
                }

                return s;
            }, (p, q) => p + q);
            double one = Sum(1);
            return BitConverter.DoubleToInt64Bits(one) == BitConverter.DoubleToInt64Bits(Sum(2))
                && BitConverter.DoubleToInt64Bits(one) == BitConverter.DoubleToInt64Bits(Sum(8));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Zero_threads_means_all_cores_and_negative_threads_are_refused()
    {
        Assert.Equal(Environment.ProcessorCount, Parallelism.AllCores.DegreeOfParallelism);
        Assert.Equal(Environment.ProcessorCount, new Parallelism(0).DegreeOfParallelism);
        Assert.Equal(3, new Parallelism(3).DegreeOfParallelism);
        var e = Assert.Throws<InvalidInputException>(() => new Parallelism(-3));
        Assert.Contains("-3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_setting_stops_the_loop()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        int ran = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ParallelRows.For(0, 100, new Parallelism(1) { Cancellation = cts.Token }, _ => Interlocked.Increment(ref ran)));
        Assert.Equal(0, ran);
    }

    [Fact]
    public void Pooled_scratch_spans_have_the_asked_length_and_are_never_shared_between_concurrent_bodies()
    {
        var gen = from length in Gen.Choose(0, 300) from rows in Gen.Choose(0, 400) from threads in Gen.Choose(0, 4) select (length, rows, threads);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var sums = new long[c.rows];
            bool lengths = true;
            ParallelRows.For(0, c.rows, new Parallelism(c.threads), c.length, (int row, Span<long> scratch) =>
            {
                lengths &= scratch.Length == c.length;
                // Fill the scratch with this row's values, then read them back: a shared span would mix rows.
                scratch.Fill(row);
                Thread.SpinWait(20);
                long sum = 0;
                foreach (long v in scratch)
                {
                    sum += v;
                }

                sums[row] = sum;
            });
            return lengths && Enumerable.Range(0, c.rows).All(r => sums[r] == (long)r * c.length);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_thread_count_converts_to_a_setting_and_a_negative_one_is_refused()
    {
        Parallelism two = 2;
        Parallelism all = 0;
        Assert.Equal(2, two.DegreeOfParallelism);
        Assert.Equal(Environment.ProcessorCount, all.DegreeOfParallelism);
        Assert.Throws<InvalidInputException>(() => { Parallelism bad = -1; return bad; });
    }
}
