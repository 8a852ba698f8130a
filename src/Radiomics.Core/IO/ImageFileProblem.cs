namespace Radiomics.IO;

/// <summary>What is wrong with an image file.</summary>
public enum ImageFileProblem
{
    /// <summary>The file does not exist or cannot be opened.</summary>
    NotFound,

    /// <summary>The extension names no format the toolkit reads or writes.</summary>
    UnknownFormat,

    /// <summary>The file does not start with the format's magic bytes or header size.</summary>
    BadMagic,

    /// <summary>A header field is missing, unreadable or contradicts another.</summary>
    InvalidHeader,

    /// <summary>A dimension is zero, negative or absent.</summary>
    InvalidDimensions,

    /// <summary>A voxel spacing is zero, negative or not a number.</summary>
    InvalidSpacing,

    /// <summary>The voxel type (datatype, element type) is unknown or not supported.</summary>
    UnsupportedDataType,

    /// <summary>The format feature is valid but not supported (e.g. bzip2 NRRD, Analyze .img pairs).</summary>
    Unsupported,

    /// <summary>The file ends before the header or the voxel data it announces.</summary>
    Truncated,

    /// <summary>The voxel data is longer or shorter than the header says.</summary>
    DataLengthMismatch,

    /// <summary>The compressed stream is damaged.</summary>
    CorruptCompression,

    /// <summary>The image the header describes would need more memory than is available or than an array can hold.</summary>
    TooLarge,

    /// <summary>Writing failed; no partial file was left behind.</summary>
    WriteFailed,

    /// <summary>A header names a data file outside its own folder (or an allowed root): refused, never read.</summary>
    OutsideData,

    /// <summary>The path is a folder, a FIFO, a device or an empty file: refused without opening it.</summary>
    NotARegularFile,

    /// <summary>The direction cosines are not finite, singular or not orthonormal (sheared).</summary>
    InvalidOrientation,
}
