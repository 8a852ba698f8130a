using System.Text.Json.Nodes;

namespace Radiomics.Notebooks.Tests;

/// <summary>Builds small Polyglot notebooks for runner tests.</summary>
internal static class NotebookJson
{
    public static string Create(params (string Type, string Source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (type, source) in cells)
        {
            var cell = new JsonObject
            {
                ["id"] = $"cell-{array.Count}",
                ["cell_type"] = type == "markdown" ? "markdown" : "code",
                ["metadata"] = type == "markdown" ? new JsonObject() : new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = type } },
                ["source"] = new JsonArray(source.Split('\n').Select(l => (JsonNode?)l).ToArray()),
            };
            if (type != "markdown")
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }

            array.Add(cell);
        }

        // Join lines back with newlines as nbformat does (each line but the last keeps its "\n").
        foreach (var cell in array)
        {
            var lines = (JsonArray)cell!["source"]!;
            for (int i = 0; i < lines.Count - 1; i++)
            {
                lines[i] = (string)lines[i]! + "\n";
            }
        }

        return new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString();
    }
}
