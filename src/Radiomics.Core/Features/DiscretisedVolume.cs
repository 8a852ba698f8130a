using Radiomics.Imaging;

namespace Radiomics.Features;

/// <summary>
/// A region of interest after preprocessing, ready for texture analysis: discretised grey levels on the grid of the
/// ROI's bounding box (x fastest, then y, then z; z is the slice axis for 2D and 2.5D aggregation).
/// </summary>
public sealed class DiscretisedVolume
{
    private readonly int[] _levels;
    private readonly bool[] _morphological;

    /// <param name="size">Grid size (usually the ROI bounding box).</param>
    /// <param name="spacing">Voxel spacing in mm.</param>
    /// <param name="levels">Grey level 1..<paramref name="greyLevelCount"/> for voxels of the intensity mask, 0 outside it.</param>
    /// <param name="greyLevelCount">N_g: the number of discretised grey levels (bins), which normalised features use.</param>
    /// <param name="morphologicalMask">The morphological mask on the same grid (before intensity re-segmentation); the intensity mask when null.</param>
    public DiscretisedVolume(Size3 size, Vec3 spacing, int[] levels, int greyLevelCount, bool[]? morphologicalMask = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.LongLength != size.Count)
        {
            throw new ArgumentException($"{levels.Length} grey levels for a {size} grid.", nameof(levels));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(greyLevelCount, 1);
        foreach (var l in levels)
        {
            if (l < 0 || l > greyLevelCount)
            {
                throw new ArgumentOutOfRangeException(nameof(levels), l, $"Grey levels must lie in 0..{greyLevelCount}.");
            }
        }

        if (morphologicalMask is not null && morphologicalMask.LongLength != size.Count)
        {
            throw new ArgumentException($"{morphologicalMask.Length} mask values for a {size} grid.", nameof(morphologicalMask));
        }

        Size = size;
        Spacing = spacing;
        _levels = levels;
        GreyLevelCount = greyLevelCount;
        _morphological = morphologicalMask ?? Array.ConvertAll(levels, l => l > 0);
    }

    public Size3 Size { get; }

    public Vec3 Spacing { get; }

    /// <summary>N_g, the number of grey levels of the discretisation.</summary>
    public int GreyLevelCount { get; }

    /// <summary>Grey levels 1..N_g inside the intensity mask, 0 outside.</summary>
    public ReadOnlySpan<int> Levels => _levels;

    public ReadOnlySpan<bool> MorphologicalMask => _morphological;

    public int Index(int x, int y, int z) => x + Size.X * (y + Size.Y * z);

    public int this[int x, int y, int z] => _levels[Index(x, y, z)];
}
