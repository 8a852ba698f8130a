using System.Text.Json;
using Radiomics.TestSupport;

namespace Radiomics.Notebooks.Tests;

/// <summary>
/// Jupyter itself runs the notebooks, as a user of JupyterLab or nbconvert would: the pinned kernel registers its
/// kernel specs (<c>dotnet tool run dotnet-interactive jupyter install</c>, here into a temporary folder named by
/// JUPYTER_PATH instead of the user's), then <c>jupyter nbconvert --execute</c> with the <c>.net-csharp</c> kernel.
/// </summary>
[Collection(NotebookCollection.Name)]
public class JupyterTests
{
    [JupyterTheory]
    [InlineData("00-plotting-smoke")]
    [InlineData("01-getting-started")]
    public void Nbconvert_executes_the_notebook_in_the_net_csharp_kernel_without_errors_and_with_html_figures(string notebook)
    {
        using var jupyter = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(jupyter.Path, "kernels")); // install --path wants an existing folder
        var (installed, installOutput) = DotnetRepl.Dotnet(DotnetRepl.RepositoryRoot, TimeSpan.FromMinutes(5),
            "tool", "run", "dotnet-interactive", "--", "jupyter", "install", "--path", Path.Combine(jupyter.Path, "kernels"));
        Assert.True(installed == 0, $"dotnet-interactive jupyter install exited with {installed}: {installOutput}");
        Assert.True(File.Exists(Path.Combine(jupyter.Path, "kernels", ".net-csharp", "kernel.json")), installOutput);

        string executed = Path.Combine(jupyter.Path, notebook + ".executed.ipynb");
        var (exit, output) = DotnetRepl.RunProcess(Jupyter.Executable!, DotnetRepl.NotebooksDirectory, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyter.Path },
            "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
            "--ExecutePreprocessor.timeout=600", notebook + ".ipynb", "--output", executed);
        Assert.True(exit == 0, $"jupyter nbconvert --execute exited with {exit}: {output}");

        using var json = JsonDocument.Parse(File.ReadAllText(executed));
        var outputs = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray()).ToList();
        Assert.Empty(outputs.Where(o => o.GetProperty("output_type").GetString() == "error").Select(o => o.ToString()));
        var html = outputs.Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("text/html", out _))
            .Select(o => string.Concat(o.GetProperty("data").GetProperty("text/html").EnumerateArray().Select(l => l.GetString()))).ToList();
        Assert.Contains(html, h => h.Contains("class=\"radiomics-figure\"", StringComparison.Ordinal) && h.Contains("newPlot", StringComparison.Ordinal));
        if (notebook.StartsWith("01-", StringComparison.Ordinal))
        {
            Assert.Contains(html, h => h.StartsWith("<table", StringComparison.Ordinal) && h.Contains("<th>ibsi_code</th>", StringComparison.Ordinal));
        }
    }
}

/// <summary>Where <c>jupyter</c> with nbconvert is (Debian's jupyter-nbconvert), or null.</summary>
internal static class Jupyter
{
    private static readonly Lazy<string?> ExecutableLazy = new(Find);

    public static string? Executable => ExecutableLazy.Value;

    private static string? Find()
    {
        // Debian's /usr/bin first: a pyenv or virtualenv python earlier on PATH may have no nbconvert.
        var folders = new[] { "/usr/bin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return folders.Where(f => File.Exists(Path.Combine(f, "jupyter-nbconvert")) && File.Exists(Path.Combine(f, "jupyter")))
            .Select(f => Path.Combine(f, "jupyter")).FirstOrDefault();
    }
}

/// <summary>A theory that needs jupyter-nbconvert and the notebook kernel tools; skipped with a message otherwise.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        if (Jupyter.Executable is null)
        {
            Skip = "jupyter-nbconvert is not installed (Debian: apt-get install jupyter-nbconvert jupyter-client python3-nbclient; .ci/run installs them).";
        }
        else if (DotnetRepl.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
