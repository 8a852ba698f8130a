namespace Radiomics.Imaging;

/// <summary>A voxel index (x fastest in memory, then y, then z).</summary>
public readonly record struct Index3(int X, int Y, int Z)
{
    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2."),
    };

    public static Index3 operator +(Index3 a, Index3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Index3 operator -(Index3 a, Index3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public Vec3 ToVec3() => new(X, Y, Z);

    public override string ToString() => $"[{X}, {Y}, {Z}]";
}
