namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// Settings of the local texture families beside GLCM (<see cref="LocalNgtdmFeatures"/>, <see cref="LocalNgldmFeatures"/>,
/// <see cref="LocalGlrlmFeatures"/>, <see cref="LocalGlszmFeatures"/>): the kernel (<see cref="LocalKernelSettings"/>),
/// the NGLDM coarseness and the features.
/// </summary>
public sealed record LocalTextureSettings : LocalKernelSettings
{
    /// <summary>NGLDM coarseness α: neighbours whose grey level differs by at most α are dependent (default 0).</summary>
    public int NgldmCoarseness { get; init; }

    /// <summary>IBSI codes of the features to map, one channel each; null: every feature of the family.</summary>
    public IReadOnlyList<string>? Features { get; init; }
}
