using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>Settings of the local texture families beside GLCM (<see cref="LocalNgtdmFeatures"/>, <see cref="LocalNgldmFeatures"/>).</summary>
public sealed record LocalTextureSettings
{
    /// <summary>Half-width of the cubic neighbourhood in voxels (default 1: 3×3×3).</summary>
    public int Radius { get; init; } = 1;

    /// <summary>True (default): only region voxels enter a neighbourhood. False: every image voxel in the box does.</summary>
    public bool MaskedKernel { get; init; } = true;

    /// <summary>Discretisation of the intensities that can enter a neighbourhood (default: fixed bin number 16).</summary>
    public DiscretisationSettings Discretisation { get; init; } = DiscretisationSettings.FixedBinNumber(16);

    /// <summary>Chebyshev distance δ of neighbours (default 1).</summary>
    public int Distance { get; init; } = 1;

    /// <summary>NGLDM coarseness α: neighbours whose grey level differs by at most α are dependent (default 0).</summary>
    public int NgldmCoarseness { get; init; }

    /// <summary>IBSI codes of the features to map, one channel each; null: every feature of the family.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Prepended to every channel name, to keep names unique when several maps are stacked.</summary>
    public string ChannelPrefix { get; init; } = "";

    /// <summary>The same neighbourhood and grey levels as GLCM settings, for sharing the discretisation.</summary>
    internal LocalGlcmSettings AsGlcm() => new() { Radius = Radius, MaskedKernel = MaskedKernel, Discretisation = Discretisation, Distance = Distance };
}
