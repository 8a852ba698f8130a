namespace Radiomics.Notebooks;

/// <summary>A cell failed to compile or threw; the run stops there.</summary>
public sealed class NotebookCellException : Exception
{
    public NotebookCellException(string notebookPath, int cellNumber, string problem, Exception? inner = null)
        : base($"{Path.GetFileName(notebookPath)}: cell {cellNumber} failed: {problem}", inner)
    {
        NotebookPath = notebookPath;
        CellNumber = cellNumber;
        Problem = problem;
    }

    public string NotebookPath { get; }

    /// <summary>1-based position of the cell among all cells (markdown included), as the editor numbers them.</summary>
    public int CellNumber { get; }

    public string Problem { get; }
}
