using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// A dense displacement field: <c>T(x) = x + u(x)</c> with <c>u</c> given in mm (LPS components) on a grid and
/// interpolated trilinearly between grid points; outside the grid the border displacement is continued. This is
/// the convention of ITK's <c>DisplacementFieldTransform</c> and of the benchmark generator: the fixed point
/// <c>x</c> corresponds to the moving point <c>x + u(x)</c>.
/// </summary>
public sealed class DisplacementFieldTransform : ITransform
{
    private readonly float[] _u;

    /// <summary>Wraps a 3-component field (copied, so later changes to <paramref name="field"/> do not leak in).</summary>
    public DisplacementFieldTransform(Image<float> field)
        : this(Checked(field), field.Voxels.ToArray())
    {
    }

    private DisplacementFieldTransform(ImageGeometry geometry, float[] u)
    {
        Geometry = geometry;
        _u = u;
    }

    /// <summary>
    /// Wraps a 3-component field without copying it (a whole-scan field is around a gigabyte): the transform reads the
    /// image's own storage, so the caller must not change <paramref name="field"/> afterwards.
    /// </summary>
    public static DisplacementFieldTransform Adopt(Image<float> field)
    {
        var geometry = Checked(field);
        if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray<float>(field.VoxelMemory, out var segment) || segment.Offset != 0 || segment.Array!.Length != segment.Count)
        {
            return new DisplacementFieldTransform(field);
        }

        return new DisplacementFieldTransform(geometry, segment.Array);
    }

    private static ImageGeometry Checked(Image<float> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Components != 3)
        {
            throw new ArgumentException($"A displacement field has 3 components (X, Y, Z in mm); got {field.Components}.", nameof(field));
        }

        if (field.CountNonFinite() > 0)
        {
            throw new ArgumentException("The displacement field contains NaN or infinite values.", nameof(field));
        }

        return field.Geometry;
    }

    public ImageGeometry Geometry { get; }

    /// <summary>A copy of the field.</summary>
    public Image<float> Field => new(Geometry, (float[])_u.Clone(), 3);

    internal ReadOnlySpan<float> Component(int c) => _u.AsSpan(c * (int)Geometry.VoxelCount, (int)Geometry.VoxelCount);

    public Vec3 TransformPoint(Vec3 point) => point + Displacement(point);

    /// <summary>The interpolated displacement (mm) at a physical point.</summary>
    public Vec3 Displacement(Vec3 point)
    {
        var t = Geometry.PhysicalToIndex(point);
        return new Vec3(
            Trilinear.Sample(Component(0), Geometry.Size, t.X, t.Y, t.Z),
            Trilinear.Sample(Component(1), Geometry.Size, t.X, t.Y, t.Z),
            Trilinear.Sample(Component(2), Geometry.Size, t.X, t.Y, t.Z));
    }

    /// <summary>The displacement stored at a grid point (no interpolation).</summary>
    public Vec3 DisplacementAt(int x, int y, int z)
    {
        int i = x + Geometry.Size.X * (y + Geometry.Size.Y * z);
        int n = (int)Geometry.VoxelCount;
        return new Vec3(_u[i], _u[n + i], _u[2 * n + i]);
    }
}
