using Radiomics.Imaging;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Tests.Registration;

public class StationaryVelocityFieldTests
{
    private static readonly Size3 Size = new(33, 33, 33);
    private const int Centre = 16;

    /// <summary>A velocity field v(x) = g(x − c) over the unit grid, one array per component.</summary>
    private static float[][] Velocity(Func<double, double, double, (double X, double Y, double Z)> g)
    {
        int n = Size.X * Size.Y * Size.Z;
        var v = new[] { new float[n], new float[n], new float[n] };
        for (int z = 0, i = 0; z < Size.Z; z++)
        {
            for (int y = 0; y < Size.Y; y++)
            {
                for (int x = 0; x < Size.X; x++, i++)
                {
                    var (vx, vy, vz) = g(x - Centre, y - Centre, z - Centre);
                    v[0][i] = (float)vx;
                    v[1][i] = (float)vy;
                    v[2][i] = (float)vz;
                }
            }
        }

        return v;
    }

    private static float[][] Exponential(float[][] velocity, Parallelism parallelism = default, double firstStep = StationaryVelocityField.MaximumFirstStep)
    {
        int n = velocity[0].Length;
        var u = new[] { new float[n], new float[n], new float[n] };
        var scratch = new[] { new float[n], new float[n], new float[n] };
        StationaryVelocityField.Exponential(velocity, u, scratch, Size, parallelism, firstStep);
        return u;
    }

    /// <summary>det J of x ↦ x + u(x) on the unit grid (central differences).</summary>
    private static Image<float> Jacobian(float[][] u)
    {
        int n = u[0].Length;
        var data = new float[3 * n];
        for (int c = 0; c < 3; c++)
        {
            u[c].CopyTo(data, c * n);
        }

        return DisplacementField.JacobianDeterminant(new Image<float>(new ImageGeometry(Size, new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity), data, 3));
    }

    private static int Index(int x, int y, int z) => ((Centre + z) * Size.Y + Centre + y) * Size.X + Centre + x;

    [Fact]
    public void The_exponential_of_a_linear_velocity_is_the_matrix_exponential_with_det_J_exp_of_the_trace()
    {
        // v(x) = a·(x − c): the flow for unit time is x ↦ c + e^a·(x − c), a uniform expansion with det J = e^(3a).
        // Trilinear interpolation reproduces linear fields, so only the first step's linearisation errs: (1 + a/2^N)^(2^N).
        double a = Math.Log(1.5) / 3;
        var v = Velocity((x, y, z) => (a * x, a * y, a * z));
        var u = Exponential(v, firstStep: 0.01);
        var j = Jacobian(u).Voxels;
        double expected = Math.Exp(a) - 1;
        Assert.Equal(1.5, Jacobian(Exponential(v)).Voxels[Index(0, 0, 0)], 0.01);
        foreach (var (x, y, z) in new[] { (0, 0, 0), (5, -3, 2), (-6, 6, -6), (8, 0, -4) })
        {
            int i = Index(x, y, z);
            // Single precision through N = 9 squarings: within 1e-3 voxel.
            Assert.Equal(expected * x, u[0][i], 0.001);
            Assert.Equal(expected * y, u[1][i], 0.001);
            Assert.Equal(expected * z, u[2][i], 0.001);
            Assert.Equal(1.5, j[i], 3);
        }
    }

    [Fact]
    public void A_strong_contraction_folds_as_a_displacement_but_not_as_a_velocity()
    {
        // v(x) = −A·(x − c)·exp(−|x − c|²/(2σ²)): near c it is linear, so the flow there contracts by e^(−A) per axis
        // (det J = e^(−3A)), while x + v(x) turns space inside out (det J = (1 − A)³ < 0 at c).
        const double amplitude = 1.2, sigma = 5;
        var v = Velocity((x, y, z) =>
        {
            double g = -amplitude * Math.Exp(-(x * x + y * y + z * z) / (2 * sigma * sigma));
            return (g * x, g * y, g * z);
        });
        var (directMinimum, _) = Jacobian(v).Range();
        var (minimum, _) = Jacobian(Exponential(v)).Range();
        var j = Jacobian(Exponential(v, firstStep: 0.01));

        Assert.True(directMinimum < 0, $"the displacement field should fold: minimum det J {directMinimum}");
        Assert.True(minimum > 0, $"the exponential folds: minimum det J {minimum}");
        Assert.True(j.Range().Min > 0);
        // The central differences span one voxel, over which the Gaussian weakens the contraction (measured +7 %).
        Assert.Equal(Math.Exp(-3 * amplitude), j.Voxels[Index(0, 0, 0)], 0.1 * Math.Exp(-3 * amplitude));
    }

    [Fact]
    public void The_exponential_is_the_same_for_any_thread_count()
    {
        var v = Velocity((x, y, z) => (Math.Sin(0.3 * y) * 3, Math.Cos(0.2 * z) * 2, 0.1 * x));
        var one = Exponential(v, new Parallelism(1));
        var three = Exponential(v, new Parallelism(3));
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(one[c], three[c]);
        }

        Assert.Contains(one[0], value => value != 0);
    }
}
