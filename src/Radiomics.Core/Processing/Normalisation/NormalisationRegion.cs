namespace Radiomics.Processing.Normalisation;

/// <summary>The voxels whose intensities define a normalisation (statistics or landmarks).</summary>
public enum NormalisationRegion
{
    /// <summary>
    /// The image foreground: finite voxels brighter than the whole image's mean intensity, the foreground of Nyúl and
    /// Udupa (1999) that leaves out air and background.
    /// </summary>
    Foreground,

    /// <summary>The region of interest (every non-zero voxel of the mask).</summary>
    Roi,

    /// <summary>A separate reference-region mask (e.g. normal-appearing white matter, muscle, liver).</summary>
    Reference,

    /// <summary>Every finite voxel of the image.</summary>
    Image,
}
