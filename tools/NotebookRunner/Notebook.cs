using System.Text.Json;
using System.Text.Json.Nodes;

namespace Radiomics.Notebooks;

/// <summary>
/// A Jupyter notebook (.ipynb, nbformat 4) as written by VS Code's Polyglot Notebooks: the kernel of a code cell is
/// a leading magic line (<c>#!csharp</c>, <c>#!fsharp</c>, <c>#!markdown</c>, ...), else the cell's
/// <c>metadata.polyglot_notebook.kernelName</c> (or the older <c>metadata.dotnet_interactive.language</c>), else the
/// notebook's default kernel (<c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c> or the kernelspec language).
/// </summary>
public sealed class Notebook
{
    private static readonly string[] CSharpNames = ["csharp", "c#", "cs", ".net-csharp"];

    private static readonly string[] KernelNames =
        ["csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "markdown", "md", "html", "javascript", "js", "sql", "kql", "mermaid", "http", "value", "vscode"];

    private Notebook(string path, JsonObject document, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Document = document;
        Cells = cells;
    }

    /// <summary>Where the notebook was read from (its folder is the working directory of a run).</summary>
    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    internal JsonObject Document { get; }

    public static Notebook Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Notebook '{full}' not found.", full);
        }

        return Parse(File.ReadAllText(full), full);
    }

    public static Notebook Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject ?? throw new NotebookFormatException(path, "the file is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"invalid JSON ({e.Message})");
        }

        if (document["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "no \"cells\" array (not an nbformat 4 notebook)");
        }

        string defaultKernel = DefaultKernel(document);
        var parsed = new List<NotebookCell>(cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
            {
                throw new NotebookFormatException(path, $"cell {i + 1} is not an object");
            }

            string source = SourceText(cell["source"]);
            string type = (string?)cell["cell_type"] ?? "";
            parsed.Add(type == "code" ? CodeCell(i + 1, cell, source, defaultKernel) : new NotebookCell(i + 1, CellKind.Text, type, source));
        }

        return new Notebook(path, document, parsed);
    }

    internal static string SourceText(JsonNode? source) => source switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l ?? "")),
        JsonValue v => (string?)v ?? "",
        _ => "",
    };

    private static NotebookCell CodeCell(int number, JsonObject cell, string source, string defaultKernel)
    {
        string kernel = MagicKernel(source)
            ?? (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
            ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"]
            ?? defaultKernel;
        var kind = CSharpNames.Contains(kernel.ToLowerInvariant()) ? CellKind.CSharp : CellKind.OtherKernel;
        return new NotebookCell(number, kind, kernel, source);
    }

    private static string? MagicKernel(string source)
    {
        foreach (var line in source.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            // A kernel magic is "#!name" on the first line; other magics (#!time, #!about) do not pick a kernel.
            if (!trimmed.StartsWith("#!"))
            {
                return null;
            }

            string name = trimmed[2..].ToString().Trim();
            return KernelNames.Contains(name.ToLowerInvariant()) ? name : null;
        }

        return null;
    }

    private static string DefaultKernel(JsonObject document)
    {
        var metadata = document["metadata"];
        return (string?)metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]
            ?? (string?)metadata?["kernelspec"]?["language"]
            ?? "csharp";
    }
}

/// <summary>A notebook file that cannot be read as a Jupyter notebook.</summary>
public sealed class NotebookFormatException(string path, string problem)
    : Exception($"Notebook '{path}': {problem}.")
{
    public string NotebookPath { get; } = path;
}
