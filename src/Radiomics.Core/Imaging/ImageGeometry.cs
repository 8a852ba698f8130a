namespace Radiomics.Imaging;

/// <summary>
/// Where an image's voxels are in physical space: size, spacing (mm), origin (physical position of voxel [0,0,0],
/// mm) and direction cosines (column <c>k</c> is the unit vector of index axis <c>k</c>), in LPS coordinates as ITK,
/// SimpleITK and DICOM use them. Immutable; the conversion between index and physical point lives here only:
/// <c>p = origin + D · diag(spacing) · i</c>.
/// </summary>
public sealed record ImageGeometry
{
    /// <summary>Default relative tolerance of <see cref="Matches"/>, loose enough for float32 header round trips.</summary>
    public const double DefaultTolerance = 1e-5;

    private readonly Matrix3 _indexToPhysical;
    private readonly Matrix3 _physicalToIndex;

    public ImageGeometry(Size3 size, Vec3 spacing, Vec3 origin, Matrix3 direction)
    {
        if (size.X <= 0 || size.Y <= 0 || size.Z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Every image dimension must be at least 1.");
        }

        if (!spacing.IsFinite || spacing.X <= 0 || spacing.Y <= 0 || spacing.Z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Spacing must be finite and positive along every axis.");
        }

        if (!origin.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "Origin must be finite.");
        }

        if (!direction.IsFinite || Math.Abs(direction.Determinant) < 1e-6)
        {
            throw new ArgumentException($"Direction cosines {direction} are not finite or are singular.", nameof(direction));
        }

        Size = size;
        Spacing = spacing;
        Origin = origin;
        Direction = direction;
        _indexToPhysical = direction * Matrix3.Diagonal(spacing);
        _physicalToIndex = _indexToPhysical.Inverse();
    }

    /// <summary>An axis-aligned geometry with identity direction; spacing defaults to 1 mm and origin to 0.</summary>
    public static ImageGeometry Create(int nx, int ny, int nz, Vec3? spacing = null, Vec3? origin = null, Matrix3? direction = null) =>
        new(new Size3(nx, ny, nz), spacing ?? Vec3.One, origin ?? Vec3.Zero, direction ?? Matrix3.Identity);

    public Size3 Size { get; }

    public Vec3 Spacing { get; }

    public Vec3 Origin { get; }

    public Matrix3 Direction { get; }

    public long VoxelCount => Size.Count;

    /// <summary>Volume of one voxel in mm³ (spacing product; direction cosines are orthonormal in practice).</summary>
    public double VoxelVolume => Spacing.X * Spacing.Y * Spacing.Z * Math.Abs(Direction.Determinant);

    /// <summary>The matrix <c>D · diag(spacing)</c> taking an index offset to a physical offset.</summary>
    public Matrix3 IndexToPhysicalMatrix => _indexToPhysical;

    public Matrix3 PhysicalToIndexMatrix => _physicalToIndex;

    public Vec3 IndexToPhysical(Vec3 continuousIndex) => Origin + _indexToPhysical * continuousIndex;

    public Vec3 IndexToPhysical(int x, int y, int z) => IndexToPhysical(new Vec3(x, y, z));

    public Vec3 IndexToPhysical(Index3 index) => IndexToPhysical(index.ToVec3());

    public Vec3 PhysicalToIndex(Vec3 point) => _physicalToIndex * (point - Origin);

    /// <summary>The nearest voxel index to a physical point (may lie outside the image).</summary>
    public Index3 PhysicalToNearestIndex(Vec3 point)
    {
        var c = PhysicalToIndex(point);
        return new Index3((int)Math.Round(c.X), (int)Math.Round(c.Y), (int)Math.Round(c.Z));
    }

    public bool Contains(Index3 index) => Size.Contains(index);

    /// <summary>Physical centre of the image (midpoint between the first and last voxel centres).</summary>
    public Vec3 Centre => IndexToPhysical(new Vec3((Size.X - 1) / 2.0, (Size.Y - 1) / 2.0, (Size.Z - 1) / 2.0));

    /// <summary>
    /// True when both geometries describe the same grid within a relative tolerance: sizes equal, spacing within
    /// <c>tolerance·spacing</c>, origins within <c>tolerance·min(spacing)</c> mm and direction cosines within
    /// <c>tolerance</c>. ITK uses the same kind of test before combining two images.
    /// </summary>
    public bool Matches(ImageGeometry other, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Size != other.Size)
        {
            return false;
        }

        double minSpacing = Math.Min(Spacing.X, Math.Min(Spacing.Y, Spacing.Z));
        for (int a = 0; a < 3; a++)
        {
            if (Math.Abs(Spacing[a] - other.Spacing[a]) > tolerance * Spacing[a])
            {
                return false;
            }
        }

        return (Origin - other.Origin).MaxAbs <= tolerance * minSpacing
            && Direction.MaxAbsDifference(other.Direction) <= tolerance;
    }

    /// <summary>Throws <see cref="GeometryMismatchException"/> naming both grids when they do not match.</summary>
    public void EnsureMatches(ImageGeometry other, string what, double tolerance = DefaultTolerance)
    {
        if (!Matches(other, tolerance))
        {
            throw new GeometryMismatchException(what, this, other);
        }
    }

    public ImageGeometry WithSize(Size3 size) => new(size, Spacing, Origin, Direction);

    public ImageGeometry WithSpacing(Vec3 spacing) => new(Size, spacing, Origin, Direction);

    public ImageGeometry WithOrigin(Vec3 origin) => new(Size, Spacing, origin, Direction);

    public ImageGeometry WithDirection(Matrix3 direction) => new(Size, Spacing, Origin, direction);

    /// <summary>The geometry of a sub-block of this grid: same spacing and direction, origin at the block's first voxel.</summary>
    public ImageGeometry Crop(BoundingBox box)
    {
        if (!box.IsInside(Size))
        {
            throw new ArgumentOutOfRangeException(nameof(box), box, $"The box does not lie inside an image of size {Size}.");
        }

        return new ImageGeometry(box.Size, Spacing, IndexToPhysical(box.Min), Direction);
    }

    /// <summary>
    /// Index of this grid's voxel [0,0,0] in <paramref name="parent"/>'s grid, when this grid is a sub-grid of the
    /// parent (same spacing and direction, origin on a parent voxel centre); otherwise null.
    /// </summary>
    public Index3? OffsetIn(ImageGeometry parent, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Direction.MaxAbsDifference(parent.Direction) > tolerance || (Spacing - parent.Spacing).MaxAbs > tolerance * parent.Spacing.MaxAbs)
        {
            return null;
        }

        var c = parent.PhysicalToIndex(Origin);
        var r = new Index3((int)Math.Round(c.X), (int)Math.Round(c.Y), (int)Math.Round(c.Z));
        return (c - r.ToVec3()).MaxAbs <= tolerance * 10 ? r : null;
    }

    public override string ToString() =>
        $"size {Size}, spacing {Spacing} mm, origin {Origin} mm, direction {Direction}";
}
