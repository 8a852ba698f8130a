using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Texture;

public class TexturePropertyTests
{
    private static readonly TextureSettings All = new()
    {
        Aggregations = [TextureAggregation.Averaged2D, TextureAggregation.SliceMerged2D, TextureAggregation.DirectionMerged25D,
            TextureAggregation.Merged25D, TextureAggregation.Averaged3D, TextureAggregation.Merged3D],
    };

    /// <summary>Random ROIs: grey levels 1..N_g on a small grid with holes (0 = outside the ROI).</summary>
    private static readonly Gen<DiscretisedVolume> Volumes =
        from nx in Gen.Choose(2, 7)
        from ny in Gen.Choose(2, 7)
        from nz in Gen.Choose(1, 5)
        from ng in Gen.Choose(1, 5)
        from seed in Gen.Choose(0, 1_000_000)
        select Volume(nx, ny, nz, ng, seed);

    private static DiscretisedVolume Volume(int nx, int ny, int nz, int ng, int seed)
    {
        var random = new Random(seed);
        var levels = new int[nx * ny * nz];
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = random.Next(5) == 0 ? 0 : random.Next(1, ng + 1);
        }

        levels[random.Next(levels.Length)] = 1 + random.Next(ng);
        return new DiscretisedVolume(new Size3(nx, ny, nz), new Vec3(1, 1, 2), levels, ng);
    }

    private static DiscretisedVolume Flip(DiscretisedVolume v, bool x, bool y, bool z)
    {
        var s = v.Size;
        var levels = new int[s.X * s.Y * s.Z];
        for (int k = 0; k < s.Z; k++)
        {
            for (int j = 0; j < s.Y; j++)
            {
                for (int i = 0; i < s.X; i++)
                {
                    levels[v.Index(x ? s.X - 1 - i : i, y ? s.Y - 1 - j : j, z ? s.Z - 1 - k : k)] = v[i, j, k];
                }
            }
        }

        return new DiscretisedVolume(s, v.Spacing, levels, v.GreyLevelCount);
    }

    private static bool SameValues(IReadOnlyList<FeatureValue> a, IReadOnlyList<FeatureValue> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.IbsiCode == p.Second.IbsiCode && p.First.Aggregation == p.Second.Aggregation
            && (p.First.Value.Equals(p.Second.Value) || Math.Abs(p.First.Value - p.Second.Value) <= 1e-9 * Math.Max(1, Math.Abs(p.First.Value))));

    [Fact]
    public void Every_family_is_invariant_under_axis_flips()
    {
        // Flips map the direction sets onto themselves and keep zones, distances and neighbourhoods: every
        // aggregation of every family must give the same values (averages over directions included).
        var cases = from v in Volumes from axes in Gen.Choose(1, 7) select (v, axes);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var flipped = Flip(c.v, (c.axes & 1) != 0, (c.axes & 2) != 0, (c.axes & 4) != 0);
            return SameValues(TextureFeatures.Compute(c.v, All), TextureFeatures.Compute(flipped, All));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Co_occurrence_matrices_are_symmetric_and_count_each_neighbouring_pair_twice()
    {
        Prop.ForAll(Volumes.ToArbitrary(), v =>
        {
            int ng = v.GreyLevelCount;
            foreach (var offset in TextureDirections.Volumetric)
            {
                var counts = new double[ng * ng];
                GlcmMatrix.Accumulate(v.Levels, v.Size, offset, 0, v.Size.Z, counts, ng);
                long pairs = 0;
                for (int z = 0; z < v.Size.Z; z++)
                {
                    for (int y = 0; y < v.Size.Y; y++)
                    {
                        for (int x = 0; x < v.Size.X; x++)
                        {
                            int bx = x + offset.X, by = y + offset.Y, bz = z + offset.Z;
                            bool inside = (uint)bx < (uint)v.Size.X && (uint)by < (uint)v.Size.Y && (uint)bz < (uint)v.Size.Z;
                            pairs += v[x, y, z] > 0 && inside && v[bx, by, bz] > 0 ? 1 : 0;
                        }
                    }
                }

                if (counts.Sum() != 2 * pairs)
                {
                    return false;
                }

                for (int i = 0; i < ng; i++)
                {
                    for (int j = 0; j < ng; j++)
                    {
                        if (counts[(i * ng) + j] != counts[(j * ng) + i])
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Zones_and_runs_partition_the_ROI()
    {
        Prop.ForAll(Volumes.ToArbitrary(), v =>
        {
            var volume = TextureScope.Volume(v);
            int voxels = Zones.CountVoxels(v, volume);
            bool zones = Zones.Find(v, volume).Sum(z => z.Size) == voxels
                && TextureScope.OccupiedSlices(v).All(s => Zones.Find(v, TextureScope.Slice(s)).Sum(z => z.Size) == Zones.CountVoxels(v, TextureScope.Slice(s)));
            // Run percentage N_s / N_v with N_v = Σ j r_ij: one 3D run per voxel only when no two neighbours share a level.
            var percentage = Glrlm.Compute(v, new TextureSettings { Aggregations = [TextureAggregation.Merged3D] }).Single(f => f.IbsiCode == "9ZK5").Value;
            return zones && percentage > 0 && percentage <= 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Distances_to_the_ROI_edge_count_erosions()
    {
        // A 5×5×5 cube: the distance of a voxel is 1 + its 6-connected distance to the cube's faces.
        var levels = Enumerable.Repeat(1, 125).ToArray();
        var cube = new DiscretisedVolume(new Size3(5, 5, 5), Vec3.One, levels, 1);
        var d = BorderDistance.Compute(cube, TextureScope.Volume(cube));
        Assert.Equal(3, d[cube.Index(2, 2, 2)]);
        Assert.Equal(1, d[cube.Index(0, 2, 2)]);
        Assert.Equal(2, d[cube.Index(1, 1, 1)]);
        var slice = BorderDistance.Compute(cube, TextureScope.Slice(0));
        Assert.Equal(3, slice[cube.Index(2, 2, 0)]);
    }

    [Fact]
    public void A_single_grey_level_gives_documented_values()
    {
        var levels = Enumerable.Repeat(1, 27).ToArray();
        var cube = new DiscretisedVolume(new Size3(3, 3, 3), Vec3.One, levels, 1);
        var values = TextureFeatures.Compute(cube, new TextureSettings { Aggregations = [TextureAggregation.Merged3D] });
        double F(string code) => values.Single(v => v.IbsiCode == code).Value;
        Assert.Equal(1, F("GYBY"));        // joint maximum: all pairs are (1, 1)
        Assert.Equal(0, F("TU9B"));        // joint entropy
        Assert.True(double.IsNaN(F("NI2N")), "correlation is undefined without grey level variance");
        Assert.Equal(Ngtdm.MaximumCoarseness, F("QCDE"));
        Assert.Equal(0, F("65HE"));        // NGTDM contrast with one level (IBSI)
        Assert.Equal(1.0 / 27, F("P30P"), 12); // one zone of 27 voxels
    }

    [Fact]
    public void NGTDM_busyness_of_tied_weighted_levels_is_zero_not_a_rounding_blow_up()
    {
        // Levels 1 and 2 with n_1 = 2 n_2: 1·p_1 = 2·p_2 exactly, so the busyness denominator vanishes (IBSI: 0).
        int[] levels = [1, 1, 2, 1, 1, 2];
        var roi = new DiscretisedVolume(new Size3(6, 1, 1), Vec3.One, levels, 2);
        var busyness = Ngtdm.Compute(roi, new TextureSettings { Aggregations = [TextureAggregation.Merged3D] }).Single(v => v.IbsiCode == "NQ30").Value;
        Assert.Equal(0, busyness);
    }
}
