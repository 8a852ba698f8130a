namespace Radiomics.Features.Texture;

/// <summary>The part of a discretised ROI one matrix is built from: one slice (2D) or the whole volume (3D).</summary>
/// <param name="ZFrom">First slice (inclusive).</param>
/// <param name="ZTo">Last slice (exclusive).</param>
/// <param name="Planar">Whether neighbourhoods stay in the slice plane.</param>
public readonly record struct TextureScope(int ZFrom, int ZTo, bool Planar)
{
    public static TextureScope Volume(DiscretisedVolume roi) => new(0, roi.Size.Z, false);

    public static TextureScope Slice(int z) => new(z, z + 1, true);

    /// <summary>The slices holding at least one voxel of the intensity mask, in order.</summary>
    public static int[] OccupiedSlices(DiscretisedVolume roi)
    {
        var levels = roi.Levels;
        int plane = roi.Size.X * roi.Size.Y;
        var slices = new List<int>();
        for (int z = 0; z < roi.Size.Z; z++)
        {
            if (levels.Slice(z * plane, plane).ContainsAnyExcept(0))
            {
                slices.Add(z);
            }
        }

        return [.. slices];
    }
}
