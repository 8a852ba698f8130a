using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>Settings of <see cref="LocalGlcmFeatures"/>.</summary>
public sealed record LocalGlcmSettings
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

    /// <summary>Chebyshev distance δ of co-occurring neighbours (default 1).</summary>
    public int Distance { get; init; } = 1;

    /// <summary>
    /// IBSI codes of the GLCM features to map, one channel each (default: contrast ACUI, joint entropy TU9B, angular
    /// second moment 8ZQL, inverse difference moment WF0Z, correlation NI2N). Matrices of the 13 directions are merged
    /// ("3D, merged").
    /// </summary>
    public IReadOnlyList<string> Features { get; init; } = ["ACUI", "TU9B", "8ZQL", "WF0Z", "NI2N"];

    /// <summary>Prepended to every channel name, to keep names unique when several maps are stacked.</summary>
    public string ChannelPrefix { get; init; } = "";
}
