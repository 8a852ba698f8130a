using System.Text.Json;
using Radiomics.TestSupport;

namespace Radiomics.Notebooks.Tests;

[Collection(NotebookCollection.Name)]
public class NotebookRunnerTests
{
    private static async Task<NotebookRunResult> Run(TempDirectory dir, params (string Type, string Source)[] cells)
    {
        string path = Path.Combine(dir.Path, "test.ipynb");
        File.WriteAllText(path, NotebookJson.Create(cells));
        return await NotebookRunner.RunAsync(Notebook.Load(path), new NotebookRunSettings { AssemblyDirectories = [AppContext.BaseDirectory] });
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_fails_the_run_with_its_cell_number()
    {
        using var dir = new TempDirectory();
        var result = await Run(dir, ("markdown", "# Title"), ("csharp", "var x = 1;"), ("csharp", "int y = \"text\";"), ("csharp", "var z = 3;"));
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Failure!.CellNumber);
        Assert.Contains("cell 3 failed", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("CS0029", result.Failure.Message, StringComparison.Ordinal);
        Assert.Null(result.Cells[3].ExecutionCount);
    }

    [Fact]
    public async Task A_cell_that_throws_fails_the_run_with_its_cell_number_and_an_error_output()
    {
        using var dir = new TempDirectory();
        var result = await Run(dir, ("csharp", "var values = new int[2];"), ("markdown", "text"), ("csharp", "Console.WriteLine(\"before\");\nvalues[5] = 1;"));
        Assert.Equal(3, result.Failure!.CellNumber);
        Assert.Contains("IndexOutOfRangeException", result.Failure.Message, StringComparison.Ordinal);
        var outputs = result.Cells[2].Outputs;
        Assert.Equal("before\n", Assert.IsType<CellOutput.Stream>(outputs[0]).Text);
        Assert.IsType<CellOutput.Error>(outputs[^1]);
    }

    [Fact]
    public async Task State_carries_over_between_cells_and_display_and_last_value_become_outputs()
    {
        using var dir = new TempDirectory();
        var result = await Run(
            dir,
            ("csharp", "#!csharp\nvar greeting = \"hello\";\nint Twice(int v) => 2 * v;"),
            ("csharp", "Console.WriteLine(greeting);\ndisplay(Twice(21));\nConsole.WriteLine(\"after\");\nTwice(5)"));
        Assert.True(result.Succeeded, result.Failure?.Message);
        var outputs = result.Cells[1].Outputs;
        Assert.Equal(4, outputs.Count);
        Assert.Equal("hello\n", ((CellOutput.Stream)outputs[0]).Text);
        Assert.Equal("42", ((CellOutput.Data)outputs[1]).ByMimeType["text/plain"]);
        Assert.Equal("after\n", ((CellOutput.Stream)outputs[2]).Text);
        var last = (CellOutput.Data)outputs[3];
        Assert.True(last.IsResult);
        Assert.Equal("10", last.ByMimeType["text/plain"]);
    }

    [Fact]
    public async Task Cells_of_other_kernels_are_kept_but_not_run()
    {
        using var dir = new TempDirectory();
        var result = await Run(dir, ("fsharp", "let x = 1"), ("csharp", "#!pwsh\nGet-ChildItem"), ("csharp", "1 + 1"));
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Null(result.Cells[0].ExecutionCount);
        Assert.Null(result.Cells[1].ExecutionCount);
        Assert.Equal(1, result.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task NuGet_references_are_refused_with_advice()
    {
        using var dir = new TempDirectory();
        var result = await Run(dir, ("csharp", "#r \"nuget: Plotly.NET\""));
        Assert.Equal(1, result.Failure!.CellNumber);
        Assert.Contains("not supported", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toolkit_types_render_as_html_through_the_formatter_convention()
    {
        using var dir = new TempDirectory();
        var result = await Run(
            dir,
            ("csharp", "#r \"../somewhere/Radiomics.Core.dll\"\n#r \"../somewhere/Radiomics.Plotting.dll\"\nusing Radiomics.Plotting;"),
            ("csharp", "Chart.Bar(new[] { \"a\" }, new[] { 1.0 }).WithTitle(\"bars\")"));
        Assert.True(result.Succeeded, result.Failure?.Message);
        var data = (CellOutput.Data)result.Cells[1].Outputs.Single();
        Assert.Contains("Plotly", data.ByMimeType["text/html"], StringComparison.Ordinal);
        Assert.StartsWith("Figure \"bars\"", data.ByMimeType["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_executed_notebook_holds_outputs_in_nbformat()
    {
        using var dir = new TempDirectory();
        var result = await Run(dir, ("markdown", "# t"), ("csharp", "Console.Write(\"a\\nb\");\n\"value\""));
        string saved = Path.Combine(dir.Path, "out", "executed.ipynb");
        result.Save(saved);
        using var json = JsonDocument.Parse(File.ReadAllText(saved));
        var cell = json.RootElement.GetProperty("cells")[1];
        Assert.Equal(1, cell.GetProperty("execution_count").GetInt32());
        var outputs = cell.GetProperty("outputs");
        Assert.Equal("stream", outputs[0].GetProperty("output_type").GetString());
        Assert.Equal(["a\n", "b"], outputs[0].GetProperty("text").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("execute_result", outputs[1].GetProperty("output_type").GetString());
        Assert.Equal("value", outputs[1].GetProperty("data").GetProperty("text/plain")[0].GetString());
        Assert.False(json.RootElement.GetProperty("cells")[0].TryGetProperty("outputs", out _));
    }

    [Fact]
    public async Task The_command_exits_non_zero_naming_the_failing_cell()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "broken.ipynb");
        File.WriteAllText(path, NotebookJson.Create(("markdown", "x"), ("csharp", "undefinedName.Call();")));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await Program.RunAsync([path, "--output", Path.Combine(dir.Path, "executed.ipynb")], stdout, stderr);
        Assert.Equal(1, exit);
        Assert.Contains("broken.ipynb: cell 2 failed", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("CS0103", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "executed.ipynb")));
        Assert.Equal(2, await Program.RunAsync([Path.Combine(dir.Path, "missing.ipynb")], stdout, stderr));
    }
}
