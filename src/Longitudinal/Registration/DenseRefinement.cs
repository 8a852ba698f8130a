using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The dense refinement stage (<see cref="DenseRefinementSettings"/>): the moving image is resampled once through the
/// previous transform onto the refinement grid, then a field w is grown there by composed, smoothed steps along the
/// gradient of the local normalised cross-correlation (the approximation of Avants et al., greedy SyN). The result is
/// <c>T(x) = T_previous(x + w(x))</c>. Every voxel is computed independently and reductions run in slice order, so
/// the field is the same bit for bit for any thread count.
/// </summary>
internal static class DenseRefinement
{
    public static (ITransform Transform, RegistrationLevelReport Report, Image<float> Field) Run(
        RegistrationImages images, ITransform previous, DenseRefinementSettings settings, double elasticScale, Parallelism parallelism)
    {
        var clock = Stopwatch.StartNew();
        var level = LevelFor(images, settings.MaximumVoxels);
        var geometry = level.Fixed.Geometry;
        var size = geometry.Size;
        int n = (int)geometry.VoxelCount;
        var fixedValues = level.Fixed.Voxels.ToArray();
        var mask = level.FixedMask;
        var warpedStart = Resampler.Resample(level.Moving, previous, geometry, Interpolator.Linear, 0, parallelism).Voxels.ToArray();

        // Local statistics of the fixed image do not change: its window means and variances.
        var spacing = geometry.Spacing;
        var radius = new Index3(Radius(settings.WindowRadius, spacing.X, size.X), Radius(settings.WindowRadius, spacing.Y, size.Y), Radius(settings.WindowRadius, spacing.Z, size.Z));
        float count = (2 * radius.X + 1) * (2 * radius.Y + 1) * (2 * radius.Z + 1);
        var scratch = new float[n];
        var fixedMean = (float[])fixedValues.Clone();
        FieldFilters.BoxSum(fixedMean, scratch, size, radius, parallelism);
        var fixedVariance = Square(fixedValues);
        FieldFilters.BoxSum(fixedVariance, scratch, size, radius, parallelism);
        for (int i = 0; i < n; i++)
        {
            fixedMean[i] /= count;
            fixedVariance[i] = fixedVariance[i] / count - fixedMean[i] * fixedMean[i];
        }

        var w = new[] { new float[n], new float[n], new float[n] };
        var next = new[] { new float[n], new float[n], new float[n] };
        // Diffeomorphic: the velocity field whose exponential is w; updates add to it, w is recomputed from it.
        var velocity = settings.Diffeomorphic ? new[] { new float[n], new float[n], new float[n] } : null;
        var force = new[] { new float[n], new float[n], new float[n] };
        var warped = new float[n];
        var sumW = new float[n];
        var sumWW = new float[n];
        var sumFW = new float[n];
        var fluid = new Vec3(settings.FluidSigma / spacing.X, settings.FluidSigma / spacing.Y, settings.FluidSigma / spacing.Z);
        double elasticMm = settings.ElasticSigma * elasticScale;
        var elastic = new Vec3(elasticMm / spacing.X, elasticMm / spacing.Y, elasticMm / spacing.Z);
        var sliceCorrelation = new double[size.Z];
        var sliceMax = new double[size.Z];
        double correlation = double.NaN;
        int done = 0;
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            Warp(warpedStart, w, warped, size, parallelism);
            ParallelRows.For(0, size.Z, parallelism, z =>
            {
                int start = z * size.Y * size.X, end = start + size.Y * size.X;
                for (int i = start; i < end; i++)
                {
                    float v = warped[i];
                    sumW[i] = v;
                    sumWW[i] = v * v;
                    sumFW[i] = v * fixedValues[i];
                }
            });

            FieldFilters.BoxSum(sumW, scratch, size, radius, parallelism);
            FieldFilters.BoxSum(sumWW, scratch, size, radius, parallelism);
            FieldFilters.BoxSum(sumFW, scratch, size, radius, parallelism);
            ParallelRows.For(0, size.Z, parallelism, z =>
            {
                double cc = 0;
                for (int y = 0; y < size.Y; y++)
                {
                    for (int x = 0; x < size.X; x++)
                    {
                        int i = (z * size.Y + y) * size.X + x;
                        float factor = 0;
                        if (mask is null || mask[i] != 0)
                        {
                            double mw = sumW[i] / count, vw = sumWW[i] / count - mw * mw;
                            double mf = fixedMean[i], vf = fixedVariance[i];
                            double cov = sumFW[i] / count - mf * mw;
                            double vv = vf * vw;
                            if (vv > 1e-12)
                            {
                                cc += cov * cov / vv;
                                factor = (float)(2 * cov / vv * ((fixedValues[i] - mf) - cov / vw * (warped[i] - mw)));
                            }
                        }

                        force[0][i] = factor * Difference(warped, i, x, size.X, 1);
                        force[1][i] = factor * Difference(warped, i, y, size.Y, size.X);
                        force[2][i] = factor * Difference(warped, i, z, size.Z, size.X * size.Y);
                    }
                }

                sliceCorrelation[z] = cc;
            });
            correlation = sliceCorrelation.Sum() / n;
            for (int c = 0; c < 3; c++)
            {
                FieldFilters.Gaussian(force[c], scratch, size, fluid, parallelism);
            }

            ParallelRows.For(0, size.Z, parallelism, z =>
            {
                double max = 0;
                int start = z * size.Y * size.X, end = start + size.Y * size.X;
                for (int i = start; i < end; i++)
                {
                    max = Math.Max(max, force[0][i] * force[0][i] + force[1][i] * force[1][i] + force[2][i] * force[2][i]);
                }

                sliceMax[z] = max;
            });
            double largest = Math.Sqrt(sliceMax.Max());
            if (!(largest > 0))
            {
                break;
            }

            float scale = (float)(settings.MaximumStep / largest);
            if (velocity is not null)
            {
                // Log-domain update to first order: v ← v + s, then smoothed; w = exp(v).
                for (int c = 0; c < 3; c++)
                {
                    var vc = velocity[c];
                    var fc = force[c];
                    ParallelRows.For(0, size.Z, parallelism, z =>
                    {
                        for (int i = z * size.Y * size.X, end = i + size.Y * size.X; i < end; i++)
                        {
                            vc[i] += scale * fc[i];
                        }
                    });
                    FieldFilters.Gaussian(vc, scratch, size, elastic, parallelism);
                }

                StationaryVelocityField.Exponential(velocity, w, next, size, parallelism);
            }
            else
            {
                Compose(w, force, next, scale, size, parallelism);
                (w, next) = (next, w);
                for (int c = 0; c < 3; c++)
                {
                    FieldFilters.Gaussian(w[c], scratch, size, elastic, parallelism);
                }
            }

            done++;
        }

        var field = ToMillimetres(w, geometry);
        var transform = new CompositeTransform(DisplacementFieldTransform.Adopt(field), previous);
        var report = new RegistrationLevelReport("Dense", 0, size, spacing, done, done, -correlation, done == settings.Iterations ? "iterations" : "no force", clock.Elapsed);
        return (transform, report, field);
    }

    /// <summary>The finest pyramid level whose fixed grid has at most <paramref name="maximumVoxels"/> points.</summary>
    private static LevelImages LevelFor(RegistrationImages images, long maximumVoxels)
    {
        double finest = images.FinestSpacing;
        for (int shrink = 1; ; shrink++)
        {
            double target = shrink * finest;
            var s = PyramidLevel.ShrinkFactors(images.FixedGeometry, target);
            var size = images.FixedGeometry.Size;
            long voxels = (long)Math.Max(1, size.X / s.X) * Math.Max(1, size.Y / s.Y) * Math.Max(1, size.Z / s.Z);
            if (voxels <= maximumVoxels || shrink >= 16)
            {
                return images.Level(target, shrink > 1 ? 0.5 * target : 0);
            }
        }
    }

    /// <summary>The window half-width in voxels along an axis: the radius in mm, at least one voxel (none along a flat axis).</summary>
    private static int Radius(double mm, double spacing, int length) => length == 1 ? 0 : Math.Max(1, (int)Math.Round(mm / spacing));

    private static float[] Square(float[] v)
    {
        var result = new float[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            result[i] = v[i] * v[i];
        }

        return result;
    }

    /// <summary>Central difference along one axis (one-sided at the borders), per voxel.</summary>
    private static float Difference(float[] v, int i, int position, int length, int stride)
    {
        if (length == 1)
        {
            return 0;
        }

        if (position == 0)
        {
            return v[i + stride] - v[i];
        }

        if (position == length - 1)
        {
            return v[i] - v[i - stride];
        }

        return 0.5f * (v[i + stride] - v[i - stride]);
    }

    /// <summary>The start image at x + w(x), trilinear, border continued.</summary>
    private static void Warp(float[] image, float[][] w, float[] output, Size3 size, Parallelism parallelism) =>
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            for (int y = 0; y < size.Y; y++)
            {
                int row = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    int i = row + x;
                    output[i] = Trilinear.Sample(image, size, x + w[0][i], y + w[1][i], z + w[2][i]);
                }
            }
        });

    /// <summary>next(x) = s(x) + w(x + s(x)) with s = scale · step: the field composed with the step.</summary>
    private static void Compose(float[][] w, float[][] step, float[][] next, float scale, Size3 size, Parallelism parallelism) =>
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            for (int y = 0; y < size.Y; y++)
            {
                int row = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    int i = row + x;
                    float sx = scale * step[0][i], sy = scale * step[1][i], sz = scale * step[2][i];
                    double px = x + sx, py = y + sy, pz = z + sz;
                    next[0][i] = sx + Trilinear.Sample(w[0], size, px, py, pz);
                    next[1][i] = sy + Trilinear.Sample(w[1], size, px, py, pz);
                    next[2][i] = sz + Trilinear.Sample(w[2], size, px, py, pz);
                }
            }
        });

    /// <summary>The index-unit field as a displacement field image in mm (LPS components).</summary>
    private static Image<float> ToMillimetres(float[][] w, ImageGeometry geometry)
    {
        int n = (int)geometry.VoxelCount;
        var data = new float[3 * n];
        var m = geometry.IndexToPhysicalMatrix;
        for (int i = 0; i < n; i++)
        {
            var u = m * new Vec3(w[0][i], w[1][i], w[2][i]);
            data[i] = (float)u.X;
            data[n + i] = (float)u.Y;
            data[2 * n + i] = (float)u.Z;
        }

        return new Image<float>(geometry, data, 3);
    }
}
