namespace Radiomics.IO;

/// <summary>An image file could not be read or written; names the file and what is wrong with it.</summary>
public sealed class ImageFileException : RadiomicsException
{
    public ImageFileException(string filePath, ImageFileProblem problem, string detail, Exception? inner = null)
        : base($"{filePath}: {Describe(problem)}: {detail}", inner)
    {
        FilePath = filePath;
        Problem = problem;
        Detail = detail;
    }

    public string FilePath { get; }

    public ImageFileProblem Problem { get; }

    public string Detail { get; }

    private static string Describe(ImageFileProblem problem) => problem switch
    {
        ImageFileProblem.NotFound => "cannot open the file",
        ImageFileProblem.UnknownFormat => "unknown image format",
        ImageFileProblem.BadMagic => "not a valid file of this format",
        ImageFileProblem.InvalidHeader => "invalid header",
        ImageFileProblem.InvalidDimensions => "invalid image dimensions",
        ImageFileProblem.InvalidSpacing => "invalid voxel spacing",
        ImageFileProblem.UnsupportedDataType => "unsupported voxel type",
        ImageFileProblem.Unsupported => "unsupported format feature",
        ImageFileProblem.Truncated => "file is truncated",
        ImageFileProblem.DataLengthMismatch => "voxel data length does not match the header",
        ImageFileProblem.CorruptCompression => "compressed data is corrupt",
        ImageFileProblem.TooLarge => "image too large",
        ImageFileProblem.WriteFailed => "write failed",
        ImageFileProblem.OutsideData => "data file outside the header's folder",
        ImageFileProblem.NotARegularFile => "not a regular image file",
        ImageFileProblem.InvalidOrientation => "invalid orientation",
        _ => problem.ToString(),
    };
}
