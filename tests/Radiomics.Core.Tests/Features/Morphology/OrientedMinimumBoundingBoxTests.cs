using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class OrientedMinimumBoundingBoxTests
{
    [Fact]
    public void Box_turned_45_degrees_on_the_lattice_is_found_exactly()
    {
        // Corners i·(1, 1, 0) + j·(−1, 1, 0) + k·(0, 0, 1): a 5√2 × 2√2 × 3 box turned 45° about z.
        var points = new List<LatticePoint>();
        for (int i = 0; i <= 5; i++)
        {
            for (int j = 0; j <= 2; j++)
            {
                for (int k = 0; k <= 3; k++)
                {
                    points.Add(new LatticePoint(i - j, i + j, k));
                }
            }
        }

        var hull = ConvexHull3D.Compute([.. points]);
        var box = OrientedMinimumBoundingBox.Compute(hull, Vec3.One);
        Assert.Equal(5 * Math.Sqrt(2) * 2 * Math.Sqrt(2) * 3, box.Volume, 9);
        var aabbVolume = 7.0 * 7 * 3;
        Assert.True(box.Volume < aabbVolume);
    }

    [Fact]
    public void OMBB_encloses_the_hull_and_is_no_larger_than_the_AABB()
    {
        Prop.ForAll(MorphologyGen.LatticeClouds.ToArbitrary(), MorphologyGen.Spacing.ToArbitrary(), (cloud, step) =>
        {
            var hull = ConvexHull3D.Compute(cloud);
            var box = OrientedMinimumBoundingBox.Compute(hull, step);
            var scaled = cloud.Select(p => p.Scale(step)).ToArray();
            double aabb = (scaled.Max(p => p.X) - scaled.Min(p => p.X)) * (scaled.Max(p => p.Y) - scaled.Min(p => p.Y)) * (scaled.Max(p => p.Z) - scaled.Min(p => p.Z));
            return scaled.All(p => box.Contains(p, 1e-9 * box.Extents.MaxAbs)) && box.Volume <= aabb * (1 + 1e-12);
        }).QuickCheckThrowOnFailure();
    }
}
