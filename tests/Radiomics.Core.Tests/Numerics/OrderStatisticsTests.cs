using FsCheck;
using FsCheck.Fluent;
using Radiomics.Numerics;

namespace Radiomics.Core.Tests.Numerics;

public class OrderStatisticsTests
{
    [Fact]
    public void Select_equals_the_sorted_value_at_every_rank()
    {
        // Few distinct values, NaN among them: ties, constant runs and NaN ordering are the cases a selection gets wrong.
        var value = Gen.Elements(float.NaN, -3f, 0f, 0f, 1.5f, 2f, 1e6f, float.NegativeInfinity).Or(
            Gen.Choose(-1000, 1000).Select(i => i / 7f));
        var gen = from values in Gen.ArrayOf(value).Where(a => a.Length > 0)
                  from k in Gen.Choose(0, values.Length - 1)
                  select (values, k);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var sorted = (float[])c.values.Clone();
            Array.Sort(sorted);
            var work = (float[])c.values.Clone();
            float selected = OrderStatistics.Select(work, c.k);
            var after = (float[])work.Clone();
            Array.Sort(after);
            return selected.Equals(sorted[c.k]) && after.SequenceEqual(sorted);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_larger_rank_can_be_selected_from_the_tail()
    {
        var values = Enumerable.Range(0, 1001).Select(i => (float)((i * 7919) % 1001)).ToArray();
        Assert.Equal(10f, OrderStatistics.Select(values, 10));
        Assert.Equal(990f, OrderStatistics.Select(values.AsSpan(10), 980));
    }

    [Fact]
    public void Rank_outside_the_values_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(new float[3], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(new float[3], -1));
    }
}
