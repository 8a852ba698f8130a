namespace Radiomics.Features;

/// <summary>How texture matrices are computed and combined (IBSI 1, "Feature aggregation").</summary>
public enum TextureAggregation
{
    /// <summary>2D: features per slice and direction, averaged (IBSI BTW3).</summary>
    Averaged2D,

    /// <summary>2D: per slice, matrices of all directions merged, features averaged over slices (IBSI SUJT).</summary>
    SliceMerged2D,

    /// <summary>2.5D: matrices of each direction merged over slices, features averaged over directions (IBSI JJUI).</summary>
    DirectionMerged25D,

    /// <summary>2.5D: all slices and directions merged into one matrix (IBSI ZW7Z).</summary>
    Merged25D,

    /// <summary>3D: features per direction, averaged (IBSI ITBB).</summary>
    Averaged3D,

    /// <summary>3D: matrices of all directions merged (IBSI IAZD).</summary>
    Merged3D,
}

public static class TextureAggregations
{
    /// <summary>The IBSI wording used in reference tables and in the feature table's <c>aggregation</c> column.</summary>
    public static string ToIbsiString(this TextureAggregation a) => a switch
    {
        TextureAggregation.Averaged2D => "2D, averaged",
        TextureAggregation.SliceMerged2D => "2D, slice-merged",
        TextureAggregation.DirectionMerged25D => "2.5D, direction-merged",
        TextureAggregation.Merged25D => "2.5D, merged",
        TextureAggregation.Averaged3D => "3D, averaged",
        TextureAggregation.Merged3D => "3D, merged",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, null),
    };

    public static TextureAggregation Parse(string ibsi)
    {
        ArgumentNullException.ThrowIfNull(ibsi);
        foreach (var a in Enum.GetValues<TextureAggregation>())
        {
            if (a.ToIbsiString() == ibsi.Trim())
            {
                return a;
            }
        }

        throw new ArgumentException($"'{ibsi}' is not an IBSI texture aggregation.", nameof(ibsi));
    }

    public static bool Is2D(this TextureAggregation a) => a is TextureAggregation.Averaged2D or TextureAggregation.SliceMerged2D;

    public static bool Is25D(this TextureAggregation a) => a is TextureAggregation.DirectionMerged25D or TextureAggregation.Merged25D;
}
