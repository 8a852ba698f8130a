namespace Radiomics.Imaging;

/// <summary>An axis-aligned block of voxel indices, both corners inclusive.</summary>
public readonly record struct BoundingBox(Index3 Min, Index3 Max)
{
    public Size3 Size => new(Max.X - Min.X + 1, Max.Y - Min.Y + 1, Max.Z - Min.Z + 1);

    public bool IsEmpty => Max.X < Min.X || Max.Y < Min.Y || Max.Z < Min.Z;

    public bool IsInside(Size3 imageSize) =>
        !IsEmpty && Min.X >= 0 && Min.Y >= 0 && Min.Z >= 0
        && Max.X < imageSize.X && Max.Y < imageSize.Y && Max.Z < imageSize.Z;

    public bool Contains(int x, int y, int z) =>
        x >= Min.X && x <= Max.X && y >= Min.Y && y <= Max.Y && z >= Min.Z && z <= Max.Z;

    /// <summary>Grows the box by <paramref name="margin"/> voxels on every side, clipped to the image.</summary>
    public BoundingBox Pad(int margin, Size3 imageSize) => Pad(new Index3(margin, margin, margin), imageSize);

    public BoundingBox Pad(Index3 margin, Size3 imageSize) => new(
        new Index3(Math.Max(0, Min.X - margin.X), Math.Max(0, Min.Y - margin.Y), Math.Max(0, Min.Z - margin.Z)),
        new Index3(Math.Min(imageSize.X - 1, Max.X + margin.X), Math.Min(imageSize.Y - 1, Max.Y + margin.Y), Math.Min(imageSize.Z - 1, Max.Z + margin.Z)));

    public static BoundingBox Whole(Size3 size) => new(new Index3(0, 0, 0), new Index3(size.X - 1, size.Y - 1, size.Z - 1));

    public override string ToString() => $"{Min}..{Max}";
}
