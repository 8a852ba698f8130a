using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Processing;

public class DiscretiseTests
{
    [Fact]
    public void Fixed_bin_number_spans_the_ROI_range_and_puts_the_maximum_in_the_top_bin()
    {
        double[] v = [0, 1, 2.5, 4.99, 5, 7.5, 10, 99];
        bool[] m = [true, true, true, true, true, true, true, false];
        var levels = Discretise.Levels(v, m, DiscretisationSettings.FixedBinNumber(4), rangeMinimum: -1000, out int ng);
        // ⌊4 (x − 0)/10⌋ + 1, and N_g for the maximum; voxels outside the mask get 0; the range does not matter.
        Assert.Equal([1, 1, 2, 2, 3, 4, 4, 0], levels);
        Assert.Equal(4, ng);
    }

    [Fact]
    public void Fixed_bin_size_starts_at_the_settings_bound_else_the_range_else_the_ROI_minimum()
    {
        double[] v = [-500, -476, -475, -1, 0, 399];
        var m = Enumerable.Repeat(true, v.Length).ToArray();
        var fromRange = Discretise.Levels(v, m, DiscretisationSettings.FixedBinSize(25), rangeMinimum: -500, out int ng);
        Assert.Equal([1, 1, 2, 20, 21, 36], fromRange);
        Assert.Equal(36, ng);
        var fromSettings = Discretise.Levels(v, m, DiscretisationSettings.FixedBinSize(25, lowerBound: -1000), rangeMinimum: -500, out ng);
        Assert.Equal([21, 21, 22, 40, 41, 56], fromSettings);
        Assert.Equal(56, ng);
        var fromRoi = Discretise.Levels([10, 34, 35, 60], [true, true, true, true], DiscretisationSettings.FixedBinSize(25), rangeMinimum: null, out ng);
        Assert.Equal([1, 1, 2, 3], fromRoi);
        Assert.Equal(3, ng);
    }

    [Fact]
    public void Without_discretisation_intensities_must_be_whole_numbers_from_one()
    {
        var levels = Discretise.Levels([1, 6, 3, 2], [true, true, true, false], DiscretisationSettings.None, null, out int ng);
        Assert.Equal([1, 6, 3, 0], levels);
        Assert.Equal(6, ng);
        Assert.Throws<InvalidInputException>(() => Discretise.Levels([1.5], [true], DiscretisationSettings.None, null, out _));
        Assert.Throws<InvalidInputException>(() => Discretise.Levels([0], [true], DiscretisationSettings.None, null, out _));
        Assert.Throws<InvalidInputException>(() => Discretise.Levels([1e7], [true], DiscretisationSettings.None, null, out _));
    }

    [Fact]
    public void A_bin_width_far_too_small_for_the_intensities_is_refused_before_texture_matrices_explode()
    {
        var e = Assert.Throws<InvalidInputException>(() => Discretise.Levels([0, 1e6], [true, true], DiscretisationSettings.FixedBinSize(0.01), null, out _));
        Assert.Contains("larger bin width", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_bin_number_levels_lie_in_range_and_never_decrease_with_intensity()
    {
        var gen = Gen.Choose(-3000, 3000).Select(i => i / 7.0).ArrayOf().Where(a => a.Length > 0).Zip(Gen.Choose(1, 64));
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (values, n) = c;
            var mask = Enumerable.Repeat(true, values.Length).ToArray();
            var levels = Discretise.Levels(values, mask, DiscretisationSettings.FixedBinNumber(n), null, out int ng);
            var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
            bool monotone = order.Zip(order.Skip(1)).All(p => levels[p.First] <= levels[p.Second]);
            return ng == n && levels.All(l => l >= 1 && l <= n) && monotone && levels[order[^1]] == n;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Volume_is_cropped_to_the_morphological_mask_with_levels_only_in_the_intensity_mask()
    {
        var g = ImageGeometry.Create(5, 4, 3, new Vec3(2, 2, 2));
        var intensities = new double[60];
        var morph = new bool[60];
        var inten = new bool[60];
        for (int i = 0; i < 60; i++)
        {
            intensities[i] = i;
        }

        foreach (var i in new[] { 6, 7, 8, 11, 12, 13, 26 })
        {
            morph[i] = true;
            inten[i] = i != 12;
        }

        var volume = Discretise.Volume(new RoiVolume(g, intensities, morph, inten), DiscretisationSettings.FixedBinSize(1, lowerBound: 0), null);
        Assert.Equal(new Size3(3, 2, 2), volume.Size);
        Assert.Equal(7, volume[0, 0, 0]);
        Assert.Equal(0, volume[1, 1, 0]);
        Assert.True(volume.MorphologicalMask[volume.Index(1, 1, 0)]);
        Assert.Equal(27, volume[0, 0, 1]);
        Assert.Equal(27, volume.GreyLevelCount);
    }

    [Fact]
    public void IVH_input_follows_the_three_cases_of_the_manual()
    {
        double[] x = [-1000, -998.6, -2, 0, 393];
        var discrete = Discretise.ForIntensityVolumeHistogram(x, DiscretisationSettings.None, -1000, 400);
        Assert.Equal((1.0, -1000.0, 400.0), (discrete.Interval, discrete.Minimum, discrete.Maximum));
        Assert.Equal(x, discrete.Values);
        var halfOpen = Discretise.ForIntensityVolumeHistogram(x, DiscretisationSettings.None, -1000, null);
        Assert.Equal(393, halfOpen.Maximum);

        var fbs = Discretise.ForIntensityVolumeHistogram(x, DiscretisationSettings.FixedBinSize(2.5), -1000, 400);
        Assert.Equal([-998.75, -998.75, -1.25, 1.25, 393.75], fbs.Values);
        Assert.Equal((2.5, -998.75, 398.75), (fbs.Interval, fbs.Minimum, fbs.Maximum));

        var fbn = Discretise.ForIntensityVolumeHistogram(x, DiscretisationSettings.FixedBinNumber(1000), -1000, 400);
        Assert.Equal((1.0, 1.0, 1000.0), (fbn.Interval, fbn.Minimum, fbn.Maximum));
        Assert.Equal(1, fbn.Values[0]);
        Assert.Equal(1000, fbn.Values[^1]);
        Assert.Equal(Math.Floor(1000 * 998 / 1393.0) + 1, fbn.Values[2]);
    }
}
