namespace Radiomics.Features;

/// <summary>
/// The region of interest has no voxel to compute features from: the mask is empty, or resampling or
/// re-segmentation removed every voxel. Derives from <see cref="ArgumentException"/> because the mask argument is the cause.
/// </summary>
public sealed class EmptyRoiException : ArgumentException
{
    public EmptyRoiException()
        : base("The region of interest is empty.", "mask")
    {
    }

    public EmptyRoiException(string message)
        : base(message, "mask")
    {
    }

    public EmptyRoiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
