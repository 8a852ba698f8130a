namespace Radiomics.Notebooks;

/// <summary>What the runner does with a cell.</summary>
public enum CellKind
{
    /// <summary>Markdown or raw text: kept as it is.</summary>
    Text,

    /// <summary>C# code: executed.</summary>
    CSharp,

    /// <summary>Code for another kernel (F#, PowerShell, HTML, JavaScript, ...): kept, not executed.</summary>
    OtherKernel,
}

/// <summary>One cell of a notebook; <see cref="Number"/> counts all cells from 1, as an editor shows them.</summary>
public sealed record NotebookCell(int Number, CellKind Kind, string Kernel, string Source);
