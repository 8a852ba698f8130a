namespace Radiomics;

/// <summary>A settings file, a params file or a settings record holds a value the toolkit cannot use.</summary>
/// <param name="source">The settings file (or "settings" for an in-memory record).</param>
/// <param name="line">1-based line of the offending entry, when known.</param>
/// <param name="problem">What is wrong, in plain words.</param>
/// <param name="inner">The parser's own error, if any.</param>
public sealed class SettingsException(string source, int? line, string problem, Exception? inner = null)
    : FileLineException(source, line, problem, inner);
