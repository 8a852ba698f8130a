using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>Shape of a <see cref="StructuringElement"/>.</summary>
public enum StructuringElementShape
{
    /// <summary>All voxels whose centre lies within the radius (an ellipsoid in voxels when spacing is anisotropic).</summary>
    Ball,

    /// <summary>All voxels within the radius along each axis separately (a cube in mm, a cuboid in voxels).</summary>
    Box,
}

/// <summary>Unit of a <see cref="StructuringElement"/>'s radius.</summary>
public enum RadiusUnit
{
    Millimetres,
    Voxels,
}

/// <summary>
/// A symmetric neighbourhood around a voxel: the structuring element of binary morphology and the kernel of voxel
/// feature maps. Defined in physical units when <see cref="Unit"/> is millimetres, so the same element means the same
/// physical size on any grid: a voxel offset (dx, dy, dz) belongs to a ball of radius r when
/// (dx·sx)² + (dy·sy)² + (dz·sz)² ≤ r², and to a box when |dx·sx|, |dy·sy| and |dz·sz| are each ≤ r
/// (s = spacing; 1 for radii in voxels). The centre always belongs to it.
/// </summary>
public sealed record StructuringElement
{
    public StructuringElement(StructuringElementShape shape, double radius, RadiusUnit unit = RadiusUnit.Millimetres)
    {
        if (!double.IsFinite(radius) || radius < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be finite and not negative.");
        }

        if (!Enum.IsDefined(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }

        Shape = shape;
        Radius = radius;
        Unit = unit;
    }

    public StructuringElementShape Shape { get; }

    public double Radius { get; }

    public RadiusUnit Unit { get; }

    public static StructuringElement Ball(double radius, RadiusUnit unit = RadiusUnit.Millimetres) => new(StructuringElementShape.Ball, radius, unit);

    public static StructuringElement Box(double radius, RadiusUnit unit = RadiusUnit.Millimetres) => new(StructuringElementShape.Box, radius, unit);

    /// <summary>Largest |offset| along each axis on a grid with <paramref name="spacing"/>.</summary>
    public Index3 HalfExtent(Vec3 spacing)
    {
        var s = Scale(spacing);
        // A tiny slack keeps r = 2 mm at 1 mm spacing from losing the voxel at exactly 2 mm to rounding.
        return new Index3(Half(s.X), Half(s.Y), Half(s.Z));

        int Half(double step) => (int)Math.Floor((Radius / step) + 1e-9);
    }

    /// <summary>
    /// The element as runs along x: for every (dy, dz) it reaches, the half-width w of its contiguous run of offsets
    /// dx ∈ [−w, w]. Sliding-window algorithms move along x by adding and removing one voxel per run.
    /// </summary>
    public IReadOnlyList<(int Dy, int Dz, int HalfWidth)> Rows(Vec3 spacing)
    {
        var s = Scale(spacing);
        var h = HalfExtent(spacing);
        var rows = new List<(int, int, int)>();
        double r2 = (Radius * Radius) * (1 + 1e-12);
        for (int dz = -h.Z; dz <= h.Z; dz++)
        {
            for (int dy = -h.Y; dy <= h.Y; dy++)
            {
                if (Shape == StructuringElementShape.Box)
                {
                    rows.Add((dy, dz, h.X));
                    continue;
                }

                double rest = r2 - Square(dy * s.Y) - Square(dz * s.Z);
                if (rest < 0)
                {
                    continue;
                }

                int w = Math.Min(h.X, (int)Math.Floor((Math.Sqrt(rest) / s.X) + 1e-9));
                rows.Add((dy, dz, w));
            }
        }

        return rows;
    }

    /// <summary>Every voxel offset of the element, z slowest then y then x.</summary>
    public IReadOnlyList<Index3> Offsets(Vec3 spacing)
    {
        var offsets = new List<Index3>();
        foreach (var (dy, dz, w) in Rows(spacing))
        {
            for (int dx = -w; dx <= w; dx++)
            {
                offsets.Add(new Index3(dx, dy, dz));
            }
        }

        return offsets;
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Shape.ToString().ToLowerInvariant()} r={Radius:G6} {(Unit == RadiusUnit.Millimetres ? "mm" : "voxels")}");

    private Vec3 Scale(Vec3 spacing) => Unit == RadiusUnit.Voxels ? Vec3.One : spacing;

    private static double Square(double v) => v * v;
}
