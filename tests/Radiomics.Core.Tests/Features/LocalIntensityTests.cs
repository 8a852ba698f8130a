using Radiomics.Imaging;
using FsCheck.Fluent;
using FsCheck;
using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class LocalIntensityTests
{
    [SharedDataTheory]
    [MemberData(nameof(IbsiDataSets.WithReferenceValues), MemberType = typeof(IbsiDataSets))]
    public void LocalIntensity_matches_IBSI_reference_values(string dataSet)
    {
        IbsiReference.Compare(dataSet, LocalIntensity.Family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }


    [Fact]
    public void The_sphere_draws_on_voxels_outside_the_ROI()
    {
        var g = ImageGeometry.Create(9, 9, 9, new Vec3(2, 2, 2));
        var values = Enumerable.Repeat(100.0, 729).ToArray();
        var roi = new bool[729];
        int centre = 4 + 9 * (4 + 9 * 4);
        values[centre] = 0;
        roi[centre] = true;
        var f = LocalIntensity.Compute(new RoiVolume(g, values, roi, roi)).ToDictionary(v => v.IbsiCode, v => v.Value);
        // Radius 6.2 mm at 2 mm spacing holds 123 voxel centres: one 0 and 122 of 100.
        Assert.Equal(100.0 * 122 / 123, f["VJGA"], 9);
        Assert.Equal(f["VJGA"], f["0F91"]);
    }

    [Fact]
    public void Peaks_equal_a_brute_force_sphere_mean()
    {
        var gen =
            from n in Gen.Choose(2, 9).Three()
            from s in Gen.Choose(5, 40).Three()
            from seed in Gen.Choose(0, 1000)
            select (n, s, seed);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var g = ImageGeometry.Create(c.n.Item1, c.n.Item2, c.n.Item3, new Vec3(c.s.Item1 / 10.0, c.s.Item2 / 10.0, c.s.Item3 / 10.0));
            var rng = new Random(c.seed);
            int count = (int)g.VoxelCount;
            var values = Enumerable.Range(0, count).Select(_ => (double)rng.Next(-50, 50)).ToArray();
            var roi = Enumerable.Range(0, count).Select(_ => rng.NextDouble() < 0.4).ToArray();
            roi[rng.Next(count)] = true;
            var f = LocalIntensity.Compute(new RoiVolume(g, values, roi, roi)).ToDictionary(v => v.IbsiCode, v => v.Value);
            var (local, global) = BruteForce(g, values, roi);
            return Math.Abs(f["VJGA"] - local) < 1e-9 && Math.Abs(f["0F91"] - global) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    private static (double Local, double Global) BruteForce(ImageGeometry g, double[] values, bool[] roi)
    {
        double max = values.Where((_, i) => roi[i]).Max();
        double local = double.NegativeInfinity, global = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (!roi[i])
            {
                continue;
            }

            var pi = g.IndexToPhysical(i % g.Size.X, i / g.Size.X % g.Size.Y, i / (g.Size.X * g.Size.Y));
            double sum = 0;
            int n = 0;
            for (int j = 0; j < values.Length; j++)
            {
                var pj = g.IndexToPhysical(j % g.Size.X, j / g.Size.X % g.Size.Y, j / (g.Size.X * g.Size.Y));
                if ((pi - pj).Norm <= LocalIntensity.SphereRadius)
                {
                    sum += values[j];
                    n++;
                }
            }

            global = Math.Max(global, sum / n);
            if (values[i] == max)
            {
                local = Math.Max(local, sum / n);
            }
        }

        return (local, global);
    }
}
