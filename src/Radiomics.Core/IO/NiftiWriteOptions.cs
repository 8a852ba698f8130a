using System.IO.Compression;

namespace Radiomics.IO;

public enum NiftiVersion
{
    /// <summary>NIfTI-1 unless a dimension needs more than 16 bits.</summary>
    Auto,
    Nifti1,
    Nifti2,
}

/// <summary>How to write a NIfTI file.</summary>
public sealed record NiftiWriteOptions
{
    public NiftiVersion Version { get; init; } = NiftiVersion.Auto;

    /// <summary>gzip level for <c>.nii.gz</c>.</summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Fastest;

    /// <summary>The 80-character descrip field.</summary>
    public string Description { get; init; } = "Radiomics toolkit";
}
