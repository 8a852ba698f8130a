using System.Text.Json;

namespace Radiomics.Notebooks.Tests;

/// <summary>
/// Every notebook under notebooks/ runs top to bottom in the real .NET Interactive kernel (dotnet repl), from the
/// notebooks folder, against the assemblies the solution build leaves in src/Cli/bin/Debug (which the notebooks #r).
/// </summary>
[Collection(NotebookCollection.Name)]
public class NotebookFilesTests
{
    public static TheoryData<string> Notebooks
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.GetFiles(DotnetRepl.NotebooksDirectory, "*.ipynb").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }
    }

    [KernelTheory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_in_the_real_kernel_without_cell_errors_and_shows_figures(string name)
    {
        // Kept for inspection, also when a run fails: the executed notebook with its outputs.
        string executed = Path.Combine(Path.GetTempPath(), "radiomics-notebooks", name);
        var run = DotnetRepl.Execute(name, DotnetRepl.NotebooksDirectory, executed, TimeSpan.FromMinutes(10));
        Assert.True(run.Executed is not null, $"dotnet repl wrote no executed notebook (exit {run.ExitCode}): {run.Output}");
        Assert.Equal("", run.Errors);
        Assert.True(run.ExitCode == 0, $"dotnet repl exited with {run.ExitCode}: {run.Output}");
        // dotnet repl leaves execution_count empty; it stamps each cell it ran with its end time.
        Assert.All(run.CodeCells, c => Assert.True(c.GetProperty("metadata").TryGetProperty("dotnet_repl_cellExecutionEndTime", out _), c.ToString()));
        // Figures display as text/html through the toolkit's formatter convention: a div and the plotly.js call.
        Assert.Contains(run.Html, h => h.Contains("class=\"radiomics-figure\"", StringComparison.Ordinal) && h.Contains("newPlot", StringComparison.Ordinal));
        if (name.StartsWith("01-", StringComparison.Ordinal))
        {
            // The DataFrame cell: a feature table's DataFrame, filtered and grouped, displayed by the kernel as an HTML table.
            Assert.Contains(run.Html, h => h.StartsWith("<table", StringComparison.Ordinal) && h.Contains("<th>ibsi_code</th>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_cell_has_a_unique_id_as_nbformat_4_5_requires()
    {
        foreach (var path in Directory.GetFiles(DotnetRepl.NotebooksDirectory, "*.ipynb"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.True(json.RootElement.GetProperty("nbformat").GetInt32() == 4 && json.RootElement.GetProperty("nbformat_minor").GetInt32() >= 5, path);
            var ids = json.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.TryGetProperty("id", out var id) ? id.GetString() : null).ToList();
            Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id ?? ""));
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Every_notebook_has_a_file_based_app_twin_under_examples()
    {
        string examples = Path.Combine(DotnetRepl.RepositoryRoot, "examples");
        foreach (var path in Directory.GetFiles(DotnetRepl.NotebooksDirectory, "*.ipynb"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var twin = json.RootElement.GetProperty("metadata").TryGetProperty("radiomics_twin", out var t) ? t.GetString() : null;
            Assert.True(twin is not null, $"{Path.GetFileName(path)}: metadata.radiomics_twin names no example");
            Assert.True(File.Exists(Path.Combine(examples, twin!)), $"{Path.GetFileName(path)}: examples/{twin} does not exist");
        }
    }

    [Fact]
    public void There_are_notebooks_to_run() => Assert.NotEmpty(Notebooks);
}
