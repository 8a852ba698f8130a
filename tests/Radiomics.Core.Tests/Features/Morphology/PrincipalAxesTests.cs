using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class PrincipalAxesTests
{
    [Fact]
    public void Full_box_has_the_sample_variances_of_its_voxel_centres()
    {
        // Along an axis of n voxels, Σ(i − mean)² = n(n² − 1)/12 per line; the covariance divides by N − 1.
        var box = MorphologyGen.Box(6, 4, 3, new Vec3(1, 2, 3));
        var axes = PrincipalAxes.Of(box.Mask, box.Size, box.Spacing);
        long n = 6 * 4 * 3;
        double vx = 4 * 3 * (6 * 35 / 12.0) / (n - 1) * 1;
        double vy = 6 * 3 * (4 * 15 / 12.0) / (n - 1) * 4;
        double vz = 6 * 4 * (3 * 8 / 12.0) / (n - 1) * 9;
        double[] sorted = [vx, vy, vz];
        Array.Sort(sorted);
        Assert.Equal(sorted[2], axes.Major, 10);
        Assert.Equal(sorted[1], axes.Minor, 10);
        Assert.Equal(sorted[0], axes.Least, 10);
        Assert.Equal(4 * Math.Sqrt(sorted[2]), axes.MajorAxisLength, 10);
    }

    [Fact]
    public void Single_voxel_has_zero_axes_and_an_empty_mask_is_rejected()
    {
        var one = PrincipalAxes.Of([true], new Size3(1, 1, 1), Vec3.One);
        Assert.Equal(0, one.MajorAxisLength);
        Assert.Throws<ArgumentException>(() => PrincipalAxes.Of([false], new Size3(1, 1, 1), Vec3.One));
    }
}
