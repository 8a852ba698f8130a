using FsCheck;
using FsCheck.Fluent;
using Radiomics.Filters;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Filters;

/// <summary>Invariants of the convolution machinery that every filter rests on, checked on random inputs.</summary>
public class FilterPropertyTests
{
    private static readonly BoundaryCondition[] Boundaries = Enum.GetValues<BoundaryCondition>();

    private static Gen<Size3> SmallSizes =>
        from x in Gen.Choose(1, 9)
        from y in Gen.Choose(1, 9)
        from z in Gen.Choose(1, 7)
        select new Size3(x, y, z);

    private static Gen<double[]> Values(int n) => Gen.Choose(-1000, 1000).Select(v => v / 10.0).ArrayOf(n);

    [Fact]
    public void Mean_filter_of_a_constant_image_is_constant_for_every_boundary_condition_that_repeats_the_image()
    {
        var gen =
            from size in SmallSizes
            from support in Gen.Elements(1, 3, 5, 7)
            from value in Gen.Choose(-500, 500)
            from boundary in Gen.Elements(BoundaryCondition.Nearest, BoundaryCondition.Periodic, BoundaryCondition.Mirror)
            from dimensions in Gen.Elements(FilterDimensions.ThreeD, FilterDimensions.TwoD)
            select (size, support, value, boundary, dimensions);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var image = Constant(c.size, c.value);
            var response = new MeanSettings { Support = c.support, Boundary = c.boundary, Dimensions = c.dimensions }.Apply(image);
            foreach (var v in response.Voxels)
            {
                if (Math.Abs(v - c.value) > 1e-9 * Math.Max(1, Math.Abs(c.value)))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mean_filter_of_a_constant_image_with_zero_padding_is_constant_where_the_kernel_stays_inside()
    {
        var gen =
            from size in SmallSizes
            from support in Gen.Elements(1, 3, 5)
            from value in Gen.Choose(1, 500)
            select (size, support, value);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var response = new MeanSettings { Support = c.support, Boundary = BoundaryCondition.Zero }.Apply(Constant(c.size, c.value));
            int r = c.support / 2;
            bool ok = true;
            for (int z = 0; z < c.size.Z; z++)
            {
                for (int y = 0; y < c.size.Y; y++)
                {
                    for (int x = 0; x < c.size.X; x++)
                    {
                        bool inside = x >= r && y >= r && z >= r && x < c.size.X - r && y < c.size.Y - r && z < c.size.Z - r;
                        double v = response[x, y, z];
                        ok &= inside ? Math.Abs(v - c.value) < 1e-9 * c.value : v < c.value + 1e-9 * c.value;
                    }
                }
            }

            return ok;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Separable_convolution_equals_the_direct_3D_convolution_with_the_same_boundary()
    {
        var gen =
            from size in SmallSizes
            from voxels in Values((int)size.Count)
            from kx in Values(3)
            from ky in Values(5)
            from kz in Values(1).SelectMany(_ => Gen.Elements(1, 3)).SelectMany(n => Values(n))
            from boundary in Gen.Elements(Boundaries)
            select (size, voxels, kernels: new[] { kx, ky, kz }, boundary);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var separable = SeparableConvolution.Apply(c.voxels, c.size, c.kernels, c.boundary);
            var direct = DirectConvolution(c.voxels, c.size, c.kernels, c.boundary);
            for (int i = 0; i < direct.Length; i++)
            {
                if (Math.Abs(separable[i] - direct[i]) > 1e-9 * (1 + Math.Abs(direct[i])))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Boundary_maps_stay_inside_the_image_and_are_the_identity_inside()
    {
        var gen =
            from n in Gen.Choose(1, 20)
            from i in Gen.Choose(-60, 80)
            from boundary in Gen.Elements(Boundaries)
            select (n, i, boundary);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            int m = BoundaryConditions.Map(c.i, c.n, c.boundary);
            if (c.i >= 0 && c.i < c.n)
            {
                return m == c.i;
            }

            return c.boundary switch
            {
                BoundaryCondition.Zero => m == -1,
                BoundaryCondition.Nearest => m == (c.i < 0 ? 0 : c.n - 1),
                BoundaryCondition.Periodic => m == ((c.i % c.n) + c.n) % c.n,
                _ => m >= 0 && m < c.n && (m == c.i || BoundaryConditions.Map(-c.i - 1, c.n, c.boundary) == m || BoundaryConditions.Map(2 * c.n - 1 - c.i, c.n, c.boundary) == m),
            };
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mirror_padding_repeats_the_edge_voxel()
    {
        // d c b a | a b c d | d c b a
        int[] expected = [3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0];
        for (int i = -4; i < 8; i++)
        {
            Assert.Equal(expected[i + 4], BoundaryConditions.Map(i, 4, BoundaryCondition.Mirror));
        }
    }

    [Fact]
    public void Level_1_wavelet_decomposition_with_periodic_boundary_preserves_energy_and_reconstructs()
    {
        var gen =
            from size in SmallSizes
            from voxels in Values((int)size.Count)
            from family in Gen.Elements("haar", "db2", "db3", "coif1")
            from dimensions in Gen.Elements(FilterDimensions.ThreeD, FilterDimensions.TwoD)
            select (size, voxels, family, dimensions);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var image = new Image<double>(ImageGeometry.Create(c.size.X, c.size.Y, c.size.Z), c.voxels);
            var bands = WaveletDecomposition.Decompose(image, c.family, 1, BoundaryCondition.Periodic, c.dimensions);
            int d = c.dimensions == FilterDimensions.ThreeD ? 3 : 2;

            // An orthogonal filter pair has |H|² + |G|² = 2 at every frequency, so the undecimated sub-bands carry
            // 2^d times the energy of the image; filtering each band with its time-reversed filters and summing
            // gives back 2^d times the image.
            double energy = c.voxels.Sum(v => v * v);
            double bandEnergy = bands.Values.Sum(b => b.Voxels.ToArray().Sum(v => v * v));
            var (low, high) = WaveletFamily.Filters(c.family);
            var sum = new double[c.voxels.Length];
            foreach (var (name, band) in bands)
            {
                // The adjoint of convolution with the odd-extended kernel is convolution with its reversal.
                var kernels = new double[]?[3];
                for (int a = 0; a < d; a++)
                {
                    kernels[a] = SeparableConvolution.Odd(name[a] == 'L' ? low : high).Reverse().ToArray();
                }

                var back = SeparableConvolution.Apply(band.Voxels.ToArray(), c.size, kernels, BoundaryCondition.Periodic);
                for (int i = 0; i < sum.Length; i++)
                {
                    sum[i] += back[i];
                }
            }

            double scale = 1 << d;
            bool energyOk = Math.Abs(bandEnergy - scale * energy) <= 1e-9 * (1 + scale * energy);
            bool reconstructionOk = true;
            for (int i = 0; i < sum.Length; i++)
            {
                reconstructionOk &= Math.Abs(sum[i] / scale - c.voxels[i]) <= 1e-9 * (1 + Math.Abs(c.voxels[i]));
            }

            return energyOk && reconstructionOk;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decomposition_sub_bands_equal_the_single_sub_band_filter()
    {
        var image = Random(new Size3(11, 9, 7), 3);
        var bands = WaveletDecomposition.Decompose(image, "db2", 2, BoundaryCondition.Mirror);
        Assert.Equal(8, bands.Count);
        foreach (var (name, band) in bands)
        {
            var single = new SeparableWaveletSettings { Family = "db2", Subband = name, Level = 2, Boundary = BoundaryCondition.Mirror }.Apply(image);
            Assert.Equal(single.Voxels.ToArray(), band.Voxels.ToArray());
        }
    }

    [Fact]
    public void Rotation_invariant_responses_do_not_change_when_the_image_is_rotated_a_quarter_turn()
    {
        var image = Random(new Size3(9, 9, 9), 7);
        var rotated = new ImageBuilder<double>(image.Geometry);
        for (int z = 0; z < 9; z++)
        {
            for (int y = 0; y < 9; y++)
            {
                for (int x = 0; x < 9; x++)
                {
                    rotated[8 - y, x, z] = image[x, y, z];
                }
            }
        }

        FilterSettings[] filters =
        [
            new LawsSettings { Kernel = "E5L5S5", RotationInvariant = true, Boundary = BoundaryCondition.Periodic },
            new SeparableWaveletSettings { Family = "db2", Subband = "LHH", RotationInvariant = true, Boundary = BoundaryCondition.Periodic },
        ];
        foreach (var filter in filters)
        {
            var a = filter.Apply(image);
            var b = filter.Apply(rotated.ToImage());
            for (int z = 0; z < 9; z++)
            {
                for (int y = 0; y < 9; y++)
                {
                    for (int x = 0; x < 9; x++)
                    {
                        Assert.Equal(a[x, y, z], b[8 - y, x, z], 9);
                    }
                }
            }
        }
    }

    internal static Image<double> Constant(Size3 size, double value)
    {
        var image = new ImageBuilder<double>(ImageGeometry.Create(size.X, size.Y, size.Z, new Vec3(0.8, 1.1, 2.5)));
        image.Voxels.Fill(value);
        return image.ToImage();
    }

    internal static Image<double> Random(Size3 size, int seed)
    {
        var random = new System.Random(seed);
        var image = new ImageBuilder<double>(ImageGeometry.Create(size.X, size.Y, size.Z));
        var v = image.Voxels;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.NextDouble() * 200 - 100;
        }

        return image.ToImage();
    }

    /// <summary>Textbook triple loop: out(p) = Σ_q k(q) · in(p + c − q) with the boundary map applied per axis.</summary>
    private static double[] DirectConvolution(double[] voxels, Size3 size, double[][] kernels, BoundaryCondition boundary)
    {
        var result = new double[voxels.Length];
        int cx = kernels[0].Length / 2, cy = kernels[1].Length / 2, cz = kernels[2].Length / 2;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    double sum = 0;
                    for (int k = 0; k < kernels[2].Length; k++)
                    {
                        int zz = BoundaryConditions.Map(z + cz - k, size.Z, boundary);
                        for (int j = 0; j < kernels[1].Length; j++)
                        {
                            int yy = BoundaryConditions.Map(y + cy - j, size.Y, boundary);
                            for (int i = 0; i < kernels[0].Length; i++)
                            {
                                int xx = BoundaryConditions.Map(x + cx - i, size.X, boundary);
                                if (xx >= 0 && yy >= 0 && zz >= 0)
                                {
                                    sum += kernels[0][i] * kernels[1][j] * kernels[2][k] * voxels[xx + size.X * (yy + size.Y * zz)];
                                }
                            }
                        }
                    }

                    result[x + size.X * (y + size.Y * z)] = sum;
                }
            }
        }

        return result;
    }
}
