namespace Radiomics.Notebooks.Tests;

/// <summary>Notebook runs change the process' current directory and console; their tests run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebook runs";
}
