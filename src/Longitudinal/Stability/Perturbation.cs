using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Longitudinal.Stability;

/// <summary>How a perturbation changes a region of interest.</summary>
public enum PerturbationKind
{
    /// <summary>The mask as drawn.</summary>
    None,

    /// <summary>Erosion by a box of the given radius (voxels): a tighter delineation.</summary>
    Erosion,

    /// <summary>Dilation by a box of the given radius (voxels): a looser delineation.</summary>
    Dilation,

    /// <summary>The mask moved by an integer voxel offset over the image: a small rigid misplacement.</summary>
    Shift,
}

/// <summary>
/// One repeat of a feature-stability assessment: the region of interest changed as a second reader or a slightly
/// different position would change it (Zwanenburg et al., Sci Rep 2019: image perturbations for feature robustness).
/// </summary>
public sealed record Perturbation(PerturbationKind Kind, int Radius = 1, Index3 Offset = default)
{
    /// <summary>The repeat's name as written in the stability table.</summary>
    public string Name => Kind switch
    {
        PerturbationKind.None => "original",
        PerturbationKind.Erosion => $"erosion-{Radius}",
        PerturbationKind.Dilation => $"dilation-{Radius}",
        PerturbationKind.Shift => $"shift-{Offset.X}_{Offset.Y}_{Offset.Z}",
        _ => Kind.ToString(),
    };

    /// <summary>The original mask, eroded and dilated by one voxel, and shifted by one voxel along x and along y.</summary>
    public static IReadOnlyList<Perturbation> Default { get; } =
    [
        new(PerturbationKind.None),
        new(PerturbationKind.Erosion),
        new(PerturbationKind.Dilation),
        new(PerturbationKind.Shift, Offset: new Index3(1, 0, 0)),
        new(PerturbationKind.Shift, Offset: new Index3(0, 1, 0)),
    ];

    /// <summary>Applies the perturbation to a binary mask (any non-zero label is inside).</summary>
    public LabelMap Apply(LabelMap mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Kind switch
        {
            PerturbationKind.None => mask,
            PerturbationKind.Erosion => BinaryMorphology.Erode(mask, StructuringElement.Box(Radius, RadiusUnit.Voxels)),
            PerturbationKind.Dilation => BinaryMorphology.Dilate(mask, StructuringElement.Box(Radius, RadiusUnit.Voxels)),
            PerturbationKind.Shift => Shift(mask, Offset),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }

    private static LabelMap Shift(LabelMap mask, Index3 offset)
    {
        var size = mask.Geometry.Size;
        var source = mask.Voxels;
        var target = new byte[mask.Geometry.VoxelCount];
        for (int z = 0; z < size.Z; z++)
        {
            int sz = z - offset.Z;
            if (sz < 0 || sz >= size.Z)
            {
                continue;
            }

            for (int y = 0; y < size.Y; y++)
            {
                int sy = y - offset.Y;
                if (sy < 0 || sy >= size.Y)
                {
                    continue;
                }

                for (int x = 0; x < size.X; x++)
                {
                    int sx = x - offset.X;
                    if (sx >= 0 && sx < size.X)
                    {
                        target[(int)(((long)z * size.Y + y) * size.X + x)] = source[(int)(((long)sz * size.Y + sy) * size.X + sx)];
                    }
                }
            }
        }

        return new LabelMap(new Image<byte>(mask.Geometry, target));
    }
}
