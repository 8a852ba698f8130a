namespace Radiomics.IO.Dicom;

/// <summary>Why the slices of a DICOM series do not make one regular volume.</summary>
public enum DicomSeriesProblem
{
    /// <summary>The folder or file holds no image series.</summary>
    NoSeries,

    /// <summary>Several series (or several volumes of one series) and nothing says which one.</summary>
    Ambiguous,

    /// <summary>Slices disagree on size, orientation or frame of reference.</summary>
    MixedSlices,

    /// <summary>Two slices at the same position.</summary>
    DuplicateSlice,

    /// <summary>A gap where slices are missing.</summary>
    MissingSlice,

    /// <summary>Slice spacing varies along the series.</summary>
    IrregularSpacing,

    /// <summary>Slices are sheared along the normal (gantry tilt).</summary>
    GantryTilt,

    /// <summary>A tag a computation needs is missing or inconsistent (e.g. PET SUV).</summary>
    MissingTag,
}
