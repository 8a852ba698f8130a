using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The group exponential of a stationary velocity field by scaling and squaring (Arsigny et al. 2006, "A Log-Euclidean
/// framework for statistics on diffeomorphisms"): <c>exp(v) = exp(v / 2^N)^(2^N)</c>, where <c>v / 2^N</c> is small
/// enough (at most <see cref="MaximumFirstStep"/> voxel) to be taken as the displacement <c>x ↦ x + v(x)/2^N</c>, and
/// each squaring composes the map with itself, <c>u ← u + u∘(x + u)</c>. The flow of a smooth velocity field is a
/// diffeomorphism, so its Jacobian determinant is positive by construction, however large the deformation.
/// Fields are in index units (voxels of their grid), one array per component, borders continued. Every voxel is
/// computed by one thread and the largest norm is reduced in slice order, so results are identical for any thread count.
/// </summary>
internal static class StationaryVelocityField
{
    /// <summary>The largest displacement of the first, unsquared step, in voxels.</summary>
    public const double MaximumFirstStep = 0.5;

    /// <summary>The number of squarings N for <paramref name="velocity"/>: the smallest with max |v| / 2^N ≤ <paramref name="maximumFirstStep"/>.</summary>
    public static int Squarings(float[][] velocity, Size3 size, Parallelism parallelism, double maximumFirstStep = MaximumFirstStep)
    {
        double largest = LargestNorm(velocity, size, parallelism);
        int n = 0;
        while (largest > maximumFirstStep && n < 30)
        {
            largest /= 2;
            n++;
        }

        return n;
    }

    /// <summary>
    /// Writes the displacement of <c>exp(v)</c> (index units) into <paramref name="displacement"/>; <paramref name="scratch"/>
    /// is a second field of the same size. Returns the number of squarings. The first step's linearisation makes the
    /// result's logarithm short by about |∇v|²/2^(N+1) per unit of v (a uniform expansion of det J 1.5 comes out 1.495
    /// with a first step of 0.5 voxel); a smaller <paramref name="maximumFirstStep"/> costs one squaring per halving.
    /// </summary>
    public static int Exponential(float[][] velocity, float[][] displacement, float[][] scratch, Size3 size, Parallelism parallelism, double maximumFirstStep = MaximumFirstStep)
    {
        int squarings = Squarings(velocity, size, parallelism, maximumFirstStep);
        float scale = (float)Math.Pow(2, -squarings);
        var current = displacement;
        var other = scratch;
        for (int c = 0; c < 3; c++)
        {
            var v = velocity[c];
            var u = current[c];
            for (int i = 0; i < u.Length; i++)
            {
                u[i] = scale * v[i];
            }
        }

        for (int s = 0; s < squarings; s++)
        {
            Square(current, other, size, parallelism);
            (current, other) = (other, current);
        }

        if (!ReferenceEquals(current, displacement))
        {
            for (int c = 0; c < 3; c++)
            {
                current[c].AsSpan().CopyTo(displacement[c]);
            }
        }

        return squarings;
    }

    /// <summary>next(x) = u(x) + u(x + u(x)): the map x ↦ x + u(x) composed with itself.</summary>
    private static void Square(float[][] u, float[][] next, Size3 size, Parallelism parallelism) =>
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            for (int y = 0; y < size.Y; y++)
            {
                int row = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    int i = row + x;
                    float ux = u[0][i], uy = u[1][i], uz = u[2][i];
                    double px = x + ux, py = y + uy, pz = z + uz;
                    next[0][i] = ux + Trilinear.Sample(u[0], size, px, py, pz);
                    next[1][i] = uy + Trilinear.Sample(u[1], size, px, py, pz);
                    next[2][i] = uz + Trilinear.Sample(u[2], size, px, py, pz);
                }
            }
        });

    private static double LargestNorm(float[][] v, Size3 size, Parallelism parallelism)
    {
        var sliceMax = new double[size.Z];
        int plane = size.X * size.Y;
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            double max = 0;
            for (int i = z * plane, end = i + plane; i < end; i++)
            {
                max = Math.Max(max, (double)v[0][i] * v[0][i] + (double)v[1][i] * v[1][i] + (double)v[2][i] * v[2][i]);
            }

            sliceMax[z] = max;
        });
        return Math.Sqrt(sliceMax.Max());
    }
}
