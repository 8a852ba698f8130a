namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>A transform file could not be read or written; names the file and what is wrong with it.</summary>
public sealed class TransformFileException : RadiomicsException
{
    public TransformFileException(string filePath, TransformFileProblem problem, string detail, Exception? inner = null)
        : base($"{filePath}: {Describe(problem)}: {detail}", inner)
    {
        FilePath = filePath;
        Problem = problem;
        Detail = detail;
    }

    public string FilePath { get; }

    public TransformFileProblem Problem { get; }

    public string Detail { get; }

    private static string Describe(TransformFileProblem problem) => problem switch
    {
        TransformFileProblem.NotFound => "cannot open the transform file",
        TransformFileProblem.UnknownFormat => "unknown transform format",
        TransformFileProblem.Malformed => "malformed transform file",
        TransformFileProblem.Unsupported => "unsupported transform",
        TransformFileProblem.WriteFailed => "write failed",
        _ => problem.ToString(),
    };
}
