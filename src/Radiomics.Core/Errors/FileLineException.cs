namespace Radiomics;

/// <summary>
/// A text file the user wrote or the toolkit wrote earlier (settings, params, a table) holds something that cannot be
/// used, at a known line when there is one: the message reads "<c>file, line n: problem</c>".
/// </summary>
public abstract class FileLineException : RadiomicsException
{
    /// <param name="source">The file (or a name for text without a file).</param>
    /// <param name="line">1-based line of the offending entry or row, when known.</param>
    /// <param name="problem">What is wrong, in plain words.</param>
    /// <param name="inner">The parser's own error, if any.</param>
    protected FileLineException(string source, long? line, string problem, Exception? inner)
        : base(line is { } l ? $"{source}, line {l}: {problem}" : $"{source}: {problem}", inner)
    {
        SourceName = source;
        Line = line;
        Problem = problem;
    }

    public string SourceName { get; }

    public long? Line { get; }

    public string Problem { get; }
}
