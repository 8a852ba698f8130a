namespace Radiomics.Notebooks;

/// <summary>
/// What notebook code sees besides its own declarations: <c>display(value)</c> as in Polyglot notebooks, which adds
/// the value's rendering (HTML when the type offers it, else text) to the cell's outputs.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly List<CellOutput> _outputs = [];

    internal IReadOnlyList<CellOutput> Outputs => _outputs;

    /// <summary>Shows <paramref name="value"/> below the cell (Polyglot's <c>display</c>).</summary>
#pragma warning disable IDE1006, CA1822 // Polyglot's name, lower case; an instance method so scripts see it as a global.
    public void display(object? value)
    {
        FlushConsole();
        Add(DisplayFormatter.Format(value, isResult: false));
    }
#pragma warning restore IDE1006, CA1822

    /// <summary>Console output of the running cell, moved into the outputs before each display to keep their order.</summary>
    internal StringWriter? Stdout { get; set; }

    internal StringWriter? Stderr { get; set; }

    internal void FlushConsole()
    {
        Flush(Stdout, "stdout");
        Flush(Stderr, "stderr");
    }

    private void Flush(StringWriter? writer, string stream)
    {
        if (writer is null)
        {
            return;
        }

        var text = writer.GetStringBuilder();
        AddText(stream, text.ToString());
        text.Clear();
    }

    internal void Add(CellOutput? output)
    {
        if (output is not null)
        {
            _outputs.Add(output);
        }
    }

    internal void AddText(string stream, string text)
    {
        if (text.Length > 0)
        {
            _outputs.Add(new CellOutput.Stream(stream, text));
        }
    }

    internal void Clear() => _outputs.Clear();
}
