using Radiomics.TestSupport;

namespace Radiomics.Notebooks.Tests;

/// <summary>The notebook check runs the real kernel: what the kernel rejects fails the run.</summary>
[Collection(NotebookCollection.Name)]
public class RealKernelTests
{
    [KernelFact]
    public void A_cell_using_System_IO_without_its_using_fails_as_it_does_for_users()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "broken.ipynb"), NotebookJson.Create(("csharp", "var x = 1;"), ("csharp", "Path.GetTempPath()")));
        // Run from the repository, where dotnet finds the tool manifest.
        var run = DotnetRepl.Execute(Path.Combine(dir.Path, "broken.ipynb"), DotnetRepl.RepositoryRoot, Path.Combine(dir.Path, "executed.ipynb"), TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("CS0103", run.Errors, StringComparison.Ordinal);
        Assert.Contains("'Path'", run.Errors, StringComparison.Ordinal);
    }
}
