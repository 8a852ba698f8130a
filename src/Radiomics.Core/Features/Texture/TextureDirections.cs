namespace Radiomics.Features.Texture;

/// <summary>A step between neighbouring voxels on the ROI grid.</summary>
public readonly record struct VoxelOffset(int X, int Y, int Z)
{
    public VoxelOffset Times(int distance) => new(X * distance, Y * distance, Z * distance);
}

/// <summary>
/// The unique directions of the IBSI texture matrices: 4 in-plane directions for 2D and 2.5D aggregation and 13 for 3D
/// (one of each pair of opposite neighbours; matrices count both orders where the family is symmetric).
/// </summary>
public static class TextureDirections
{
    /// <summary>0°, 45°, 90° and 135° in the slice plane.</summary>
    public static IReadOnlyList<VoxelOffset> Planar { get; } = [new(1, 0, 0), new(1, 1, 0), new(0, 1, 0), new(-1, 1, 0)];

    /// <summary>The 13 directions to half of the 26 neighbours.</summary>
    public static IReadOnlyList<VoxelOffset> Volumetric { get; } =
    [
        new(1, 0, 0), new(1, 1, 0), new(0, 1, 0), new(-1, 1, 0),
        new(0, 0, 1), new(1, 0, 1), new(-1, 0, 1), new(0, 1, 1), new(0, -1, 1),
        new(1, 1, 1), new(-1, 1, 1), new(1, -1, 1), new(-1, -1, 1),
    ];
}
