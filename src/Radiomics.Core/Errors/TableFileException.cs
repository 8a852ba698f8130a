namespace Radiomics;

/// <summary>A table file (features, deltas, registrations, transitions, stability) cannot be read: names the file and line.</summary>
public sealed class TableFileException : RadiomicsException
{
    /// <param name="source">The table file (or "CSV" for text without a file).</param>
    /// <param name="line">1-based line of the offending row, when known.</param>
    /// <param name="problem">What is wrong, in plain words.</param>
    /// <param name="inner">The parser's own error, if any.</param>
    public TableFileException(string source, long? line, string problem, Exception? inner = null)
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
