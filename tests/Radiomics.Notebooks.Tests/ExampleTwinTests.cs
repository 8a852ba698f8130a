using System.Text.RegularExpressions;
using Radiomics.TestSupport;

namespace Radiomics.Notebooks.Tests;

/// <summary>
/// Each notebook's one source is its file-based app under examples/ (tools/notebooks.cs writes the notebook from it),
/// and the app runs from a fresh clone with <c>dotnet run examples/NAME.cs -- OUTPUT</c>, writing each figure the
/// notebook shows as an HTML page.
/// </summary>
[Collection(NotebookCollection.Name)]
public partial class ExampleTwinTests
{
    /// <summary>No MSBuild node or build server outlives a run.</summary>
    private static readonly Dictionary<string, string> NoBuildServers = new() { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0" };

    private static string Examples => Path.Combine(DotnetRepl.RepositoryRoot, "examples");

    public static TheoryData<string> NotebookSources
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.GetFiles(DotnetRepl.NotebooksDirectory, "*.ipynb").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(path));
            }

            return data;
        }
    }

    /// <summary>The apps that take under a minute here (04, the whole study, takes about as long again and runs as a notebook).</summary>
    public static TheoryData<string> QuickApps => ["00-plotting-smoke", "01-getting-started", "02-longitudinal-delta-radiomics", "03-habitats"];

    [Theory]
    [MemberData(nameof(NotebookSources))]
    public void Every_notebook_has_its_one_source_under_examples(string notebook) =>
        Assert.True(File.Exists(Path.Combine(Examples, notebook + ".cs")), $"examples/{notebook}.cs, the source of notebooks/{notebook}.ipynb, is missing");

    [Fact]
    public void Every_committed_notebook_is_what_the_generator_gives_from_its_example()
    {
        var (exit, output) = DotnetRepl.RunProcess("dotnet", DotnetRepl.RepositoryRoot, TimeSpan.FromMinutes(5), NoBuildServers, "run", "tools/notebooks.cs", "--", "--check");
        Assert.True(exit == 0, $"dotnet run tools/notebooks.cs -- --check exited with {exit}: {output}");
    }

    [Theory]
    [MemberData(nameof(QuickApps))]
    public void The_app_twin_runs_and_writes_every_figure_it_shows_as_an_HTML_page_with_a_plotly_figure(string example)
    {
        using var output = new TempDirectory();
        var (exit, console) = DotnetRepl.RunProcess("dotnet", DotnetRepl.RepositoryRoot, TimeSpan.FromMinutes(5), NoBuildServers, "run", $"examples/{example}.cs", "--", output.Path);
        Assert.True(exit == 0, $"dotnet run examples/{example}.cs exited with {exit}: {console}");

        // Every Show(figure, "name") of the source gives output/name.html, and nothing else is written there.
        var expected = NamedShow().Matches(File.ReadAllText(Path.Combine(Examples, example + ".cs"))).Select(m => m.Groups[1].Value + ".html").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var page in expected)
        {
            string html = File.ReadAllText(Path.Combine(output.Path, page));
            Assert.Contains("class=\"radiomics-figure\"", html, StringComparison.Ordinal);
            Assert.Contains("Plotly.newPlot(div, fig)", html, StringComparison.Ordinal);
            Assert.Matches("var fig = \\{\"data\":\\[\\{\"type\":", html);
        }
    }

    [GeneratedRegex(@"Show\([^;]*?, ""([a-z0-9-]+)""\);")]
    private static partial Regex NamedShow();
}
