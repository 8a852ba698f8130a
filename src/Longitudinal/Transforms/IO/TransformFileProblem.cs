namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>What is wrong with a transform file.</summary>
public enum TransformFileProblem
{
    /// <summary>The file (or a file it refers to) does not exist or cannot be opened.</summary>
    NotFound,

    /// <summary>Neither the extension nor the content names a transform format the toolkit reads.</summary>
    UnknownFormat,

    /// <summary>The content does not follow its format: a missing field, an unreadable number, a wrong count.</summary>
    Malformed,

    /// <summary>The file is valid but holds a transform type or option the toolkit does not read.</summary>
    Unsupported,

    /// <summary>Writing failed; no partial file was left behind.</summary>
    WriteFailed,
}
