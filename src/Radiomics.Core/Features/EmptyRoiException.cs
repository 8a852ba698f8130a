namespace Radiomics.Features;

/// <summary>
/// The region of interest has no voxel to compute features from: the mask is empty, or resampling or
/// re-segmentation removed every voxel.
/// </summary>
public sealed class EmptyRoiException : RadiomicsException
{
    public EmptyRoiException()
        : base("The region of interest is empty: the mask has no voxel.")
    {
    }

    public EmptyRoiException(string message)
        : base(message)
    {
    }

    public EmptyRoiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
