using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Tests.Transforms;

public class TransformPropertyTests
{
    private static readonly Gen<double> Small = Gen.Choose(-1000, 1000).Select(i => i / 1000.0);

    private static readonly Gen<AffineTransform> Affines =
        from a in Gen.ArrayOf(Small, 9)
        from t in Gen.ArrayOf(Small, 3)
        from c in Gen.ArrayOf(Small, 3)
        let m = new Matrix3(1 + (0.3 * a[0]), 0.3 * a[1], 0.3 * a[2], 0.3 * a[3], 1 + (0.3 * a[4]), 0.3 * a[5], 0.3 * a[6], 0.3 * a[7], 1 + (0.3 * a[8]))
        select new AffineTransform(m, new Vec3(20 * t[0], 20 * t[1], 20 * t[2]), new Vec3(50 * c[0], 50 * c[1], 50 * c[2]));

    private static readonly Gen<Vec3> Points = Gen.ArrayOf(Small, 3).Select(p => new Vec3(100 * p[0], 100 * p[1], 100 * p[2]));

    private static double Distance(Vec3 a, Vec3 b) => (a - b).Norm;

    [Fact]
    public void Affine_composed_with_its_inverse_is_the_identity()
    {
        Prop.ForAll(Affines.ToArbitrary(), Points.ToArbitrary(), (a, p) =>
            Distance(a.Inverse().TransformPoint(a.TransformPoint(p)), p) < 1e-9 && Distance(a.TransformPoint(a.Inverse().TransformPoint(p)), p) < 1e-9)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Composition_is_associative_and_equals_sequential_application()
    {
        Prop.ForAll(Affines.ToArbitrary(), Affines.ToArbitrary(), Affines.ToArbitrary(), (a, b, c) =>
        {
            var p = new Vec3(12.5, -7, 30);
            var sequential = c.TransformPoint(b.TransformPoint(a.TransformPoint(p)));
            var left = new CompositeTransform(new CompositeTransform(a, b), c).TransformPoint(p);
            var right = new CompositeTransform(a, new CompositeTransform(b, c)).TransformPoint(p);
            var matrices = a.Then(b).Then(c).TransformPoint(p);
            return Distance(sequential, left) < 1e-9 && Distance(sequential, right) < 1e-9 && Distance(sequential, matrices) < 1e-8;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>u(x) = A·sin(2π x/λ) along each axis: smooth, invertible when 2πA/λ &lt; 1.</summary>
    private static Image<float> SineField(ImageGeometry g, double amplitude, double wavelength)
    {
        var u = new float[g.VoxelCount * 3];
        int n = (int)g.VoxelCount;
        for (int z = 0; z < g.Size.Z; z++)
        {
            for (int y = 0; y < g.Size.Y; y++)
            {
                for (int x = 0; x < g.Size.X; x++)
                {
                    var p = g.IndexToPhysical(x, y, z);
                    int v = x + (g.Size.X * (y + (g.Size.Y * z)));
                    u[v] = (float)(amplitude * Math.Sin(2 * Math.PI * p.Y / wavelength));
                    u[n + v] = (float)(amplitude * Math.Sin(2 * Math.PI * p.Z / wavelength));
                    u[(2 * n) + v] = (float)(amplitude * Math.Sin(2 * Math.PI * p.X / wavelength));
                }
            }
        }

        return new Image<float>(g, u, 3);
    }

    [Fact]
    public void Inverting_a_smooth_field_gives_back_the_points_it_moved()
    {
        var g = ImageGeometry.Create(40, 40, 40, new Vec3(1, 1, 1));
        var forward = new DisplacementFieldTransform(SineField(g, 1.5, 40));
        var inverse = DisplacementField.Invert(forward);
        double worst = 0;
        for (int i = 12; i < 28; i += 3)
        {
            for (int j = 12; j < 28; j += 3)
            {
                var p = g.IndexToPhysical(i, j, 20);
                worst = Math.Max(worst, Distance(forward.TransformPoint(inverse.TransformPoint(p)), p));
            }
        }

        Assert.True(worst < 0.05, $"round trip error {worst} mm");
    }

    [Fact]
    public void Jacobian_determinant_of_an_analytic_field_matches()
    {
        // u = (a sin(2π y/λ), a sin(2π z/λ), a sin(2π x/λ)): J = I + ∇u with off-diagonal entries only, so
        // det J = 1 + u_x,y · u_y,z · u_z,x = 1 + k³ cos(2π y/λ) cos(2π z/λ) cos(2π x/λ), k = 2π a/λ.
        var g = ImageGeometry.Create(48, 48, 48, new Vec3(1, 1, 1));
        double a = 2, lambda = 24, k = 2 * Math.PI * a / lambda;
        var det = DisplacementField.JacobianDeterminant(SineField(g, a, lambda));
        double worst = 0;
        for (int z = 4; z < 44; z += 5)
        {
            for (int y = 4; y < 44; y += 5)
            {
                for (int x = 4; x < 44; x += 5)
                {
                    var p = g.IndexToPhysical(x, y, z);
                    double expected = 1 + (k * k * k * Math.Cos(2 * Math.PI * p.Y / lambda) * Math.Cos(2 * Math.PI * p.Z / lambda) * Math.Cos(2 * Math.PI * p.X / lambda));
                    worst = Math.Max(worst, Math.Abs(det[x, y, z] - expected));
                }
            }
        }

        Assert.True(worst < 0.02, $"worst Jacobian error {worst}");
    }

    [Fact]
    public void Sampled_field_of_a_spline_then_affine_matches_the_transform_pointwise()
    {
        Prop.ForAll(Affines.ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (affine, seed) =>
        {
            var g = new ImageGeometry(new Size3(17, 13, 9), new Vec3(1.5, 2, 3), new Vec3(-10, 5, 2), Matrix3.Identity);
            var grid = BSplineTransform.Identity(g, new Vec3(8, 8, 8));
            var random = new Random(seed);
            var coefficients = grid.Coefficients.ToArray().Select(_ => 4 * (random.NextDouble() - 0.5)).ToArray();
            var transform = new CompositeTransform(new BSplineTransform(grid.Grid, coefficients), affine, new TranslationTransform(new Vec3(1, -2, 0.5)));
            var field = DisplacementField.Sample(transform, g);
            double worst = 0;
            for (int z = 0; z < 9; z += 4)
            {
                for (int y = 0; y < 13; y += 3)
                {
                    for (int x = 0; x < 17; x += 2)
                    {
                        var p = g.IndexToPhysical(x, y, z);
                        var u = new Vec3(field[x, y, z, 0], field[x, y, z, 1], field[x, y, z, 2]);
                        worst = Math.Max(worst, Distance(p + u, transform.TransformPoint(p)));
                    }
                }
            }

            return worst < 1e-3;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_adopted_field_maps_points_as_a_copied_one_and_is_checked_the_same_way()
    {
        var g = ImageGeometry.Create(20, 20, 20, new Vec3(1, 1, 2));
        var field = SineField(g, 1.5, 20);
        var copied = new DisplacementFieldTransform(field);
        var adopted = DisplacementFieldTransform.Adopt(field);
        foreach (var p in new[] { new Vec3(3.3, 7.1, 11.9), new Vec3(-2, 25, 40), new Vec3(10, 10, 10) })
        {
            Assert.Equal(copied.TransformPoint(p), adopted.TransformPoint(p));
        }

        Assert.Throws<ArgumentException>(() => DisplacementFieldTransform.Adopt(new Image<float>(g, 2)));
        var bad = field.ToBuilder();
        bad[1, 1, 1, 2] = float.NaN;
        Assert.Throws<ArgumentException>(() => DisplacementFieldTransform.Adopt(bad.ToImage()));
    }
}
