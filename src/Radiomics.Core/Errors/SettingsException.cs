namespace Radiomics;

/// <summary>A settings file, a params file or a settings record holds a value the toolkit cannot use.</summary>
public sealed class SettingsException : RadiomicsException
{
    /// <param name="source">The settings file (or "settings" for an in-memory record).</param>
    /// <param name="line">1-based line of the offending entry, when known.</param>
    /// <param name="problem">What is wrong, in plain words.</param>
    /// <param name="inner">The parser's own error, if any.</param>
    public SettingsException(string source, int? line, string problem, Exception? inner = null)
        : base(line is { } l ? $"{source}, line {l}: {problem}" : $"{source}: {problem}", inner)
    {
        SourceName = source;
        Line = line;
        Problem = problem;
    }

    public string SourceName { get; }

    public int? Line { get; }

    public string Problem { get; }
}
