using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The neighbourhood and grey levels shared by the local texture settings (<see cref="LocalGlcmSettings"/>,
/// <see cref="LocalTextureSettings"/>): a box kernel, which voxels enter it, their discretisation, the neighbour
/// distance and the IBSI aggregation. Each voxel's value equals the whole-region feature of its kernel box with that
/// aggregation: "3D" kernels are cubes; "2D" kernels are the (2r + 1)² square in the voxel's slice (PyRadiomics'
/// <c>force2D</c> voxel mode), with in-plane directions, neighbourhoods and 8-connected zones; "2.5D" kernels are
/// cubes whose in-plane matrices are merged over the box's slices.
/// </summary>
public abstract record LocalKernelSettings
{
    /// <summary>Half-width of the cubic neighbourhood in voxels (default 1: 3×3×3).</summary>
    public int Radius { get; init; } = 1;

    /// <summary>True (default): only region voxels enter a neighbourhood. False: every image voxel in the box does.</summary>
    public bool MaskedKernel { get; init; } = true;

    /// <summary>
    /// Discretisation of the intensities that can enter a neighbourhood, the same record whole-region extraction
    /// uses (default: fixed bin number 16, over the range of those intensities).
    /// </summary>
    public DiscretisationSettings Discretisation { get; init; } = DiscretisationSettings.FixedBinNumber(16);

    /// <summary>Chebyshev distance δ of neighbours (co-occurring pairs, NGTDM/NGLDM neighbourhoods, run steps; default 1).</summary>
    public int Distance { get; init; } = 1;

    /// <summary>
    /// IBSI aggregation of the kernel's matrices (default "3D, merged"). GLCM and GLRLM take all six; the
    /// direction-free families (GLSZM, NGTDM, NGLDM) take the scope only ("2D", "2.5D", "3D"), as whole-region
    /// extraction does. Names of other aggregations than the default carry it (e.g. <c>_2d_averaged</c>).
    /// </summary>
    public TextureAggregation Aggregation { get; init; } = TextureAggregation.Merged3D;

    /// <summary>Prepended to every channel name, to keep names unique when several maps are stacked.</summary>
    public string ChannelPrefix { get; init; } = "";

    /// <summary>
    /// Grey levels of the voxels that can enter a neighbourhood (region voxels, or with an unmasked kernel every
    /// voxel of the region's box padded by the radius), 0 elsewhere, on the image grid.
    /// </summary>
    internal LocalGlcmFeatures.LevelGrid Discretised(Image<float> image, LabelMap region, BoundingBox box)
    {
        var size = image.Geometry.Size;
        var padded = box.Pad(Margin, size);
        var intensities = new double[size.Count];
        var mask = new bool[size.Count];
        var voxels = image.Voxels;
        for (int z = padded.Min.Z; z <= padded.Max.Z; z++)
        {
            for (int y = padded.Min.Y; y <= padded.Max.Y; y++)
            {
                for (int x = padded.Min.X; x <= padded.Max.X; x++)
                {
                    int v = x + (size.X * (y + (size.Y * z)));
                    bool enters = !MaskedKernel || region.Voxels[v] != 0;
                    if (enters && float.IsFinite(voxels[v]))
                    {
                        mask[v] = true;
                        intensities[v] = voxels[v];
                    }
                }
            }
        }

        var levels = Discretise.Levels(intensities, mask, Discretisation, null, out int ng);
        return new LocalGlcmFeatures.LevelGrid(levels, size, ng);
    }

    /// <summary>Checks the kernel settings shared by every family (argument errors: these come from code, not files).</summary>
    internal void Validate(string family)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Radius, 1, "settings");
        ArgumentOutOfRangeException.ThrowIfLessThan(Distance, 1, "settings");
        ArgumentNullException.ThrowIfNull(Discretisation, "settings");
        if (!Enum.IsDefined(Aggregation))
        {
            throw new ArgumentOutOfRangeException("settings", Aggregation, "Not an IBSI texture aggregation.");
        }

        Discretisation.Validate($"local {family.ToUpperInvariant()} discretisation");
    }

    /// <summary>Whether the kernel is the square in the voxel's slice (the 2D aggregations).</summary>
    internal bool Planar => Aggregation.Is2D();

    /// <summary>Whether directions, neighbourhoods and zones stay in the slice plane (2D and 2.5D).</summary>
    internal bool InPlane => Aggregation.Is2D() || Aggregation.Is25D();

    /// <summary>Whether GLCM/GLRLM features are averaged over per-direction matrices rather than merged.</summary>
    internal bool ByDirection => Aggregation is TextureAggregation.Averaged2D or TextureAggregation.DirectionMerged25D or TextureAggregation.Averaged3D;

    /// <summary>The kernel's half-widths: r along x and y, r or 0 (2D) along z.</summary>
    internal Index3 Margin => new(Radius, Radius, Planar ? 0 : Radius);

    /// <summary>The unique directions of the kernel's matrices: 4 in-plane (2D, 2.5D) or 13.</summary>
    internal IReadOnlyList<VoxelOffset> Directions => InPlane ? TextureDirections.Planar : TextureDirections.Volumetric;

    /// <summary>
    /// The channel name of a feature: family, feature, box and, for another aggregation than the default, the
    /// aggregation (the scope alone for the direction-free families).
    /// </summary>
    internal string ChannelName(string family, string feature, bool directional)
    {
        string aggregation = Aggregation == TextureAggregation.Merged3D ? ""
            : directional ? "_" + Aggregation.ToIbsiString().Replace(".", "", StringComparison.Ordinal).Replace(", ", "_", StringComparison.Ordinal).Replace('-', '_').ToLowerInvariant()
            : Aggregation.Is2D() ? "_2d" : Aggregation.Is25D() ? "_25d" : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{ChannelPrefix}{family}_{feature.ToLowerInvariant().Replace(' ', '_')}_box{Radius}vox{aggregation}");
    }
}
