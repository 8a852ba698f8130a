namespace Radiomics.IO.Dicom;

/// <summary>How to pick and assemble a DICOM series into a volume.</summary>
public sealed record DicomSeriesOptions
{
    /// <summary>The series to read when a folder holds several; null when the folder (or the given file) names one.</summary>
    public string? SeriesInstanceUid { get; init; }

    /// <summary>
    /// The volume (1-based) when one series splits into several by echo, temporal position or acquisition; null
    /// accepts only a series that makes one volume.
    /// </summary>
    public int? Volume { get; init; }

    /// <summary>
    /// Accept missing slices and irregular spacing by resampling linearly onto the smallest spacing found (and accept a
    /// gantry tilt by keeping the sheared slices on the tilt-free grid). Off by default: such a series is an error.
    /// </summary>
    public bool ResampleIrregular { get; init; }

    /// <summary>Relative tolerance on slice spacing before slices count as irregular (dcm2niix and ITK use a few percent).</summary>
    public double SpacingTolerance { get; init; } = 0.02;

    /// <summary>Convert PET activity concentration to SUV; <see cref="SuvKind.None"/> keeps stored units.</summary>
    public SuvKind Suv { get; init; } = SuvKind.None;

    /// <summary>
    /// Invert MONOCHROME1 samples (value = max − stored over the BitsStored range, then rescaled) so that higher values
    /// are brighter, as in MONOCHROME2 images; false keeps the stored values.
    /// </summary>
    public bool InvertMonochrome1 { get; init; } = true;

    /// <summary>Threads for reading slices: 0 = all cores.</summary>
    public int Parallelism { get; init; }
}
