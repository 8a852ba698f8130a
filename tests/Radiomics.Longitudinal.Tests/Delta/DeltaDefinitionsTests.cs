using FsCheck;
using FsCheck.Fluent;
using Radiomics.Longitudinal.Delta;

namespace Radiomics.Longitudinal.Tests.Delta;

public class DeltaDefinitionsTests
{
    [Theory]
    [InlineData(DeltaKind.Absolute, 200, 150, -50)]
    [InlineData(DeltaKind.RelativePercent, 200, 150, -25)]
    [InlineData(DeltaKind.RelativePercent, -200, -150, 25)]
    [InlineData(DeltaKind.LogRatio, 100, 100, 0)]
    public void Deltas_follow_their_definitions(DeltaKind kind, double baseline, double followUp, double expected) =>
        Assert.Equal(expected, DeltaDefinitions.Compute(kind, baseline, followUp), 12);

    [Fact]
    public void Undefined_deltas_are_NaN()
    {
        Assert.True(double.IsNaN(DeltaDefinitions.Compute(DeltaKind.RelativePercent, 0, 5)));
        Assert.True(double.IsNaN(DeltaDefinitions.Compute(DeltaKind.LogRatio, -1, 5)));
        Assert.True(double.IsNaN(DeltaDefinitions.SlopePerDay([3.0], [1.0])));
        Assert.True(double.IsNaN(DeltaDefinitions.SlopePerDay([2.0, 2.0], [1.0, 5.0])));
    }

    [Fact]
    public void Slope_of_points_on_a_line_is_the_line_slope()
    {
        var gen = from a in Gen.Choose(-1000, 1000)
                  from b in Gen.Choose(-50, 50)
                  from n in Gen.Choose(2, 8)
                  select (Intercept: a / 10.0, Slope: b / 10.0, N: n);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var days = Enumerable.Range(0, c.N).Select(i => i * 21.0 + (i % 2)).ToArray();
            var values = days.Select(d => c.Intercept + c.Slope * d).ToArray();
            return Math.Abs(DeltaDefinitions.SlopePerDay(days, values) - c.Slope) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Log_ratio_is_antisymmetric()
    {
        var gen = from a in Gen.Choose(1, 10000)
                  from b in Gen.Choose(1, 10000)
                  select (a / 7.0, b / 3.0);
        Prop.ForAll(gen.ToArbitrary(), p =>
            Math.Abs(DeltaDefinitions.Compute(DeltaKind.LogRatio, p.Item1, p.Item2) + DeltaDefinitions.Compute(DeltaKind.LogRatio, p.Item2, p.Item1)) < 1e-12)
            .QuickCheckThrowOnFailure();
    }
}
