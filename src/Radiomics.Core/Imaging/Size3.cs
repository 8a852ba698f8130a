namespace Radiomics.Imaging;

/// <summary>Number of voxels along each image axis.</summary>
public readonly record struct Size3(int X, int Y, int Z)
{
    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2."),
    };

    /// <summary>Total number of voxels; a long because 512×512×1000 already exceeds int.</summary>
    public long Count => (long)X * Y * Z;

    public bool Contains(Index3 i) =>
        (uint)i.X < (uint)X && (uint)i.Y < (uint)Y && (uint)i.Z < (uint)Z;

    public bool Contains(int x, int y, int z) =>
        (uint)x < (uint)X && (uint)y < (uint)Y && (uint)z < (uint)Z;

    public override string ToString() => $"{X}×{Y}×{Z}";
}
