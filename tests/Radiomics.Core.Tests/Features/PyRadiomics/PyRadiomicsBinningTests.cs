using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.PyRadiomics;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

public sealed class PyRadiomicsBinningTests
{
    [Fact]
    public void Bin_width_edges_are_multiples_of_the_width_as_in_PyRadiomics_documentation()
    {
        // PyRadiomics' docstring: values 54 to 166 with bin width 25 give edges 50, 75, …, 175 (and one spare edge).
        var edges = PyRadiomicsBinning.Edges([54.0, 100, 166], 25, null);
        Assert.Equal([50.0, 75, 100, 125, 150, 175, 200], edges);
        Assert.Equal(1, PyRadiomicsBinning.Digitize(54, edges));
        Assert.Equal(5, PyRadiomicsBinning.Digitize(166, edges));
    }

    [Fact]
    public void A_flat_region_falls_in_bin_one()
    {
        // brain1_flatRegion: bin width 5000 leaves every ROI intensity in the first bin [0, 5000).
        var edges = PyRadiomicsBinning.Edges([5.0, 900, 1200], 5000, null);
        Assert.Equal([0.0, 5000, 10000], edges);
        Assert.All(new[] { 5.0, 900, 1200 }, v => Assert.Equal(1, PyRadiomicsBinning.Digitize(v, edges)));
    }

    [Fact]
    public void Bin_count_puts_the_maximum_in_the_top_bin()
    {
        var edges = PyRadiomicsBinning.Edges([0.0, 3, 10], 25, 5);
        Assert.Equal(5, PyRadiomicsBinning.Digitize(10, edges));
        Assert.Equal(1, PyRadiomicsBinning.Digitize(0, edges));
        Assert.Equal(2, PyRadiomicsBinning.Digitize(3, edges));
    }

    /// <summary>PyRadiomics' closed form: X_b = ⌊X/W⌋ − ⌊min/W⌋ + 1.</summary>
    [FsCheck.Xunit.Property]
    public Property Bin_width_discretisation_follows_PyRadiomics_formula() =>
        Prop.ForAll(
            Gen.Choose(-3000, 3000).ArrayOf().Where(a => a.Length > 1).ToArbitrary(),
            Gen.Choose(1, 100).ToArbitrary(),
            (values, width) =>
            {
                var x = values.Select(v => (double)v).ToArray();
                var edges = PyRadiomicsBinning.Edges(x, width, null);
                double min = x.Min();
                return x.All(v => PyRadiomicsBinning.Digitize(v, edges) == (int)(Math.Floor(v / width) - Math.Floor(min / width) + 1));
            });
}
