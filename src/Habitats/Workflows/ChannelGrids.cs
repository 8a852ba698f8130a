using Radiomics.Imaging;

namespace Radiomics.Habitats.Workflows;

/// <summary>Whether the grids of two channels of a scan cover a common volume.</summary>
public static class ChannelGrids
{
    /// <summary>True when the two grids' fields of view (voxel extents, in physical space) share a positive volume.</summary>
    public static bool Overlap(ImageGeometry a, ImageGeometry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (minA, maxA) = Extent(a);
        var (minB, maxB) = Extent(b);
        return Math.Min(maxA.X, maxB.X) > Math.Max(minA.X, minB.X)
            && Math.Min(maxA.Y, maxB.Y) > Math.Max(minA.Y, minB.Y)
            && Math.Min(maxA.Z, maxB.Z) > Math.Max(minA.Z, minB.Z);
    }

    /// <summary>
    /// Throws an <see cref="InvalidInputException"/> naming the scan when the grids do not overlap: registration and
    /// resampling would give an empty channel.
    /// </summary>
    public static void EnsureOverlap(ImageGeometry reference, ImageGeometry channel, string scan)
    {
        if (!Overlap(reference, channel))
        {
            throw new InvalidInputException($"{scan}: the channel's field of view does not overlap the reference channel's; check the images belong to the same visit and their headers' positions.");
        }
    }

    private static (Vec3 Min, Vec3 Max) Extent(ImageGeometry g)
    {
        var min = new Vec3(double.MaxValue, double.MaxValue, double.MaxValue);
        var max = -min;
        for (int corner = 0; corner < 8; corner++)
        {
            var index = new Vec3(
                (corner & 1) == 0 ? -0.5 : g.Size.X - 0.5, (corner & 2) == 0 ? -0.5 : g.Size.Y - 0.5, (corner & 4) == 0 ? -0.5 : g.Size.Z - 0.5);
            var p = g.IndexToPhysical(index);
            min = new Vec3(Math.Min(min.X, p.X), Math.Min(min.Y, p.Y), Math.Min(min.Z, p.Z));
            max = new Vec3(Math.Max(max.X, p.X), Math.Max(max.Y, p.Y), Math.Max(max.Z, p.Z));
        }

        return (min, max);
    }
}
