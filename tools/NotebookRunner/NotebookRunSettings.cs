namespace Radiomics.Notebooks;

/// <summary>How a notebook is run.</summary>
public sealed record NotebookRunSettings
{
    /// <summary>
    /// Folders whose assemblies replace <c>#r</c> references of the same file name (e.g. the test's output folder
    /// holding the freshly built toolkit). Default: none, references resolve as written.
    /// </summary>
    public IReadOnlyList<string> AssemblyDirectories { get; init; } = [];

    /// <summary>The current directory while cells run. Default: the notebook's folder, as in Polyglot.</summary>
    public string? WorkingDirectory { get; init; }
}
