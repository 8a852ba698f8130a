using Radiomics.TestSupport;

namespace Radiomics.Notebooks.Tests;

/// <summary>Every notebook under notebooks/ runs top to bottom against the toolkit assemblies built with these tests.</summary>
[Collection(NotebookCollection.Name)]
public class NotebookFilesTests
{
    public static TheoryData<string> Notebooks
    {
        get
        {
            var data = new TheoryData<string>();
            string dir = Path.Combine(SharedData.RepositoryRoot ?? throw new InvalidOperationException("Toolkit.sln not found above the test binaries."), "notebooks");
            foreach (var path in Directory.GetFiles(dir, "*.ipynb").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_top_to_bottom(string name)
    {
        string path = Path.Combine(SharedData.RepositoryRoot!, "notebooks", name);
        var result = await NotebookRunner.RunAsync(Notebook.Load(path), new NotebookRunSettings { AssemblyDirectories = [AppContext.BaseDirectory] });
        // Kept for inspection when a run fails: the executed notebook with the error output.
        result.Save(Path.Combine(Path.GetTempPath(), "radiomics-notebooks", name));
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Contains(result.Cells, c => c.ExecutionCount is not null);
    }

    [Fact]
    public void There_are_notebooks_to_run() => Assert.NotEmpty(Notebooks);
}
