namespace Radiomics.Notebooks;

/// <summary>An output of an executed cell, as nbformat 4 writes it.</summary>
public abstract record CellOutput
{
    private CellOutput()
    {
    }

    /// <summary>Text written to stdout or stderr.</summary>
    public sealed record Stream(string Name, string Text) : CellOutput;

    /// <summary>A displayed value (<c>display_data</c>) or the cell's last expression (<c>execute_result</c>), by MIME type.</summary>
    public sealed record Data(IReadOnlyDictionary<string, string> ByMimeType, bool IsResult) : CellOutput;

    /// <summary>The error that stopped the run.</summary>
    public sealed record Error(string Name, string Message) : CellOutput;
}
