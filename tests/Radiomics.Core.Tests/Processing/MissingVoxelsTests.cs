using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Processing;

/// <summary>Non-finite voxels under resampling: missing, never spread, never a reason to refuse a far-away region.</summary>
public class MissingVoxelsTests
{
    private static Image<float> RandomImage(int seed, Size3 size, int missing, int maxX)
    {
        var random = new Random(seed);
        var image = new ImageBuilder<float>(ImageGeometry.Create(size.X, size.Y, size.Z, new Vec3(1, 1, 1)));
        var v = image.Voxels;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = (float)(100 * random.NextDouble());
        }

        for (int m = 0; m < missing; m++)
        {
            image[random.Next(maxX), random.Next(size.Y), random.Next(size.Z)] = m % 2 == 0 ? float.NaN : float.PositiveInfinity;
        }

        return image.ToImage();
    }

    private static Image<float> WithMissingReplaced(Image<float> image, float value)
    {
        var copy = image.ToBuilder();
        var v = copy.Voxels;
        for (int i = 0; i < v.Length; i++)
        {
            if (!float.IsFinite(v[i]))
            {
                v[i] = value;
            }
        }

        return copy.ToImage();
    }

    /// <summary>
    /// Every resampled voxel left finite is independent of what the missing voxels hold: exactly for nearest-neighbour
    /// and linear interpolation (the footprint is the kernel's support), within the documented prefilter error for
    /// B-splines. For the first two the footprint is exact: a voxel is marked only if its value does depend on them.
    /// </summary>
    [Fact]
    public void Resampled_voxels_left_finite_do_not_depend_on_the_missing_voxels()
    {
        var cases =
            from seed in Gen.Choose(0, 1_000_000)
            from interpolator in Gen.Elements(Interpolator.NearestNeighbour, Interpolator.Linear, Interpolator.BSpline)
            from missing in Gen.Choose(1, 3)
            from spacing in Gen.Elements(new Vec3(0.7, 1.3, 0.9), new Vec3(2, 2, 2), new Vec3(1, 1, 1.5))
            select (seed, interpolator, missing, spacing);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            // Missing voxels at the low-x end, so B-spline's wide footprint leaves the high-x end finite.
            var image = RandomImage(c.seed, new Size3(30, 9, 8), c.missing, maxX: 6);
            var settings = new ResamplingSettings { Spacing = c.spacing, Interpolator = c.interpolator };
            var resampled = Resample.Image(image, settings).Voxels;
            var low = Resample.Image(WithMissingReplaced(image, -50), settings).Voxels;
            var high = Resample.Image(WithMissingReplaced(image, 150), settings).Voxels;
            double tolerance = c.interpolator == Interpolator.BSpline ? 0.01 * 200 * c.missing : 0;
            int finite = 0, marked = 0;
            for (int i = 0; i < resampled.Length; i++)
            {
                if (double.IsFinite(resampled[i]))
                {
                    finite++;
                    if (Math.Abs(low[i] - high[i]) > tolerance || Math.Abs(resampled[i] - low[i]) > tolerance)
                    {
                        return false;
                    }
                }
                else
                {
                    marked++;
                    if (c.interpolator != Interpolator.BSpline && low[i] == high[i])
                    {
                        return false;
                    }
                }
            }

            return finite > marked;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_finite_image_resamples_as_before()
    {
        var image = RandomImage(7, new Size3(12, 10, 6), missing: 0, maxX: 1);
        var settings = new ResamplingSettings { Spacing = new Vec3(0.8, 1.1, 2), Interpolator = Interpolator.BSpline };
        Assert.All(Resample.Image(image, settings).Voxels.ToArray(), v => Assert.True(double.IsFinite(v)));
    }
}
