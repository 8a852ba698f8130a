namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>Settings of <see cref="LocalGlcmFeatures"/>: the kernel (<see cref="LocalKernelSettings"/>) and the features.</summary>
public sealed record LocalGlcmSettings : LocalKernelSettings
{
    /// <summary>
    /// IBSI codes of the GLCM features to map, one channel each (default: contrast ACUI, joint entropy TU9B, angular
    /// second moment 8ZQL, inverse difference moment WF0Z, correlation NI2N). Matrices of the 13 directions are merged
    /// ("3D, merged").
    /// </summary>
    public IReadOnlyList<string> Features { get; init; } = ["ACUI", "TU9B", "8ZQL", "WF0Z", "NI2N"];
}
