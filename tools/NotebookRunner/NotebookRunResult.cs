using System.Text.Json;
using System.Text.Json.Nodes;
using Radiomics.IO;

namespace Radiomics.Notebooks;

/// <summary>The outputs of one cell; <see cref="ExecutionCount"/> is null for cells that were not executed.</summary>
public sealed record CellResult(NotebookCell Cell, int? ExecutionCount, IReadOnlyList<CellOutput> Outputs);

/// <summary>The outcome of running a notebook: per-cell outputs and the failure that stopped it, if any.</summary>
public sealed record NotebookRunResult(Notebook Notebook, IReadOnlyList<CellResult> Cells, NotebookCellException? Failure)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 1 };

    public bool Succeeded => Failure is null;

    /// <summary>The notebook with each code cell's outputs and execution count replaced by this run's.</summary>
    public string ToJson()
    {
        var document = (JsonObject)Notebook.Document.DeepClone();
        var cells = (JsonArray)document["cells"]!;
        foreach (var result in Cells)
        {
            var cell = (JsonObject)cells[result.Cell.Number - 1]!;
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            cell["execution_count"] = result.ExecutionCount;
            var outputs = new JsonArray();
            foreach (var output in result.Outputs)
            {
                outputs.Add(OutputJson(output, result.ExecutionCount));
            }

            cell["outputs"] = outputs;
        }

        return document.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToJson());
    }

    private static JsonObject OutputJson(CellOutput output, int? executionCount) => output switch
    {
        CellOutput.Stream s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = Lines(s.Text) },
        CellOutput.Data d when d.IsResult => new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = executionCount,
            ["data"] = Data(d),
            ["metadata"] = new JsonObject(),
        },
        CellOutput.Data d => new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d), ["metadata"] = new JsonObject() },
        CellOutput.Error e => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = e.Name,
            ["evalue"] = e.Message,
            ["traceback"] = new JsonArray(e.Message.Split('\n').Select(l => (JsonNode?)l).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    private static JsonObject Data(CellOutput.Data data)
    {
        var json = new JsonObject();
        foreach (var (mime, text) in data.ByMimeType)
        {
            json[mime] = Lines(text);
        }

        return json;
    }

    // nbformat stores multi-line text as a list of lines, each keeping its newline.
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
