namespace Radiomics;

/// <summary>A table file (features, deltas, registrations, transitions, stability) cannot be read: names the file and line.</summary>
/// <param name="source">The table file (or "CSV" for text without a file).</param>
/// <param name="line">1-based line of the offending row, when known.</param>
/// <param name="problem">What is wrong, in plain words.</param>
/// <param name="inner">The parser's own error, if any.</param>
public sealed class TableFileException(string source, long? line, string problem, Exception? inner = null)
    : FileLineException(source, line, problem, inner);
