using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The neighbourhood and grey levels shared by the local texture settings (<see cref="LocalGlcmSettings"/>,
/// <see cref="LocalTextureSettings"/>): a cubic box kernel, which voxels enter it, their discretisation and the
/// neighbour distance.
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

    /// <summary>Prepended to every channel name, to keep names unique when several maps are stacked.</summary>
    public string ChannelPrefix { get; init; } = "";

    /// <summary>
    /// Grey levels of the voxels that can enter a neighbourhood (region voxels, or with an unmasked kernel every
    /// voxel of the region's box padded by the radius), 0 elsewhere, on the image grid.
    /// </summary>
    internal LocalGlcmFeatures.LevelGrid Discretised(Image<float> image, LabelMap region, BoundingBox box)
    {
        var size = image.Geometry.Size;
        var padded = box.Pad(Radius, size);
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
}
