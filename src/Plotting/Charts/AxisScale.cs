using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// Physical coordinates along one image axis: when the axis runs along a patient axis (any axis-aligned direction
/// matrix, flips and permutations included), the LPS world coordinate in mm; for oblique images the distance in mm from
/// the first voxel along the image axis. Either way one unit is one millimetre, so equal axis scales give the true aspect.
/// </summary>
internal readonly record struct AxisScale(string Title, double Start, double Step)
{
    private static readonly string[] WorldNames = ["x (mm, L+)", "y (mm, P+)", "z (mm, S+)"];
    private static readonly string[] ImageNames = ["i", "j", "k"];

    public double At(int index) => Start + (index * Step);

    public static AxisScale For(ImageGeometry geometry, int axis)
    {
        var direction = geometry.Direction.Column(axis);
        for (int world = 0; world < 3; world++)
        {
            if (Math.Abs(Math.Abs(direction[world]) - 1) < 1e-6)
            {
                return new AxisScale(WorldNames[world], geometry.Origin[world], direction[world] * geometry.Spacing[axis]);
            }
        }

        return new AxisScale(string.Create(CultureInfo.InvariantCulture, $"{ImageNames[axis]} (mm along the image axis, oblique)"), 0, geometry.Spacing[axis]);
    }

    /// <summary>The world axis (0..2) this image axis runs along, or -1 for an oblique axis.</summary>
    public static int WorldAxis(ImageGeometry geometry, int axis)
    {
        var direction = geometry.Direction.Column(axis);
        for (int world = 0; world < 3; world++)
        {
            if (Math.Abs(Math.Abs(direction[world]) - 1) < 1e-6)
            {
                return world;
            }
        }

        return -1;
    }
}
